/**
 * Hands the browser a blob fetched with the user's token (a plain link cannot send it) under a file name,
 * so the file is saved rather than opened inside the tab.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
