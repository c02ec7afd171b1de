// Saves a text as a file in the user's downloads, from any extension page: a link to a blob,
// clicked. No "downloads" permission is needed.

export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  // Attached while clicked: Firefox ignores a click on a link that is not in the document.
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob by now; the page's URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
