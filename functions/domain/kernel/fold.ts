/**
 * Text folded for search, as Vietnamese users type: lower-case, without diacritics, đ as d ("Tân Hưng",
 * "tan hung" and "TAN HUNG" fold alike). One home for the API (a business's name) and the dashboard's
 * pages (the published answers, the boards).
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
