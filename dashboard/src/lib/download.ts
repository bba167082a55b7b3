/** Offers `blob` as a file download named `fileName` (a real download, not a new tab). */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file by then; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
