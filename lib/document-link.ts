// The address of the document viewer at one quote. Pure: shared by popup, background and viewer.

export const DOCUMENT_PAGE = '/document.html';

export function documentPath(sourceId: string, quote?: string): string {
  const params = new URLSearchParams({ source: sourceId });
  if (quote) params.set('quote', quote);
  return `${DOCUMENT_PAGE}?${params}`;
}

export function parseDocumentQuery(search: string): { sourceId: string | null; quote: string | null } {
  const params = new URLSearchParams(search);
  return { sourceId: params.get('source'), quote: params.get('quote') };
}
