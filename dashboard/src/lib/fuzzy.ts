import Fuse from 'fuse.js';

/**
 * Near-duplicate search over residents' inputs and businesses' questions, as an officer types: Fuse.js (fuzzy, diacritics
 * ignored: "den duong" finds "Đèn đường"), over the topic first and the text second.
 */
export interface Searchable {
  id: string;
  topic: string;
  text: string;
}

export function inputSearch<T extends Searchable>(items: readonly T[]) {
  const fuse = new Fuse(items as T[], { keys: [{ name: 'topic', weight: 0.7 }, { name: 'text', weight: 0.3 }], ignoreDiacritics: true, includeScore: true, threshold: 0.4, ignoreLocation: true, minMatchCharLength: 2 });
  return {
    /** The closest inputs to a query, best first (empty for fewer than 3 characters). */
    similar(query: string, limit = 5): T[] {
      if (query.trim().length < 3) return [];
      return fuse.search(query.trim(), { limit }).map((r) => r.item);
    },
  };
}
