// The address of the document viewer at one quote. Pure: shared by popup, background and viewer.
import { BUNDLED_PACK_ID } from './knowledge/schema';

export const DOCUMENT_PAGE = '/document.html';

/** The viewer showing a document of a pack, at a quote when one is given. */
export function documentPath(packId: string, sourceId: string, quote?: string): string {
  const params = new URLSearchParams({ source: sourceId });
  // The bundled pack's addresses stay as they were before there were other packs.
  if (packId !== BUNDLED_PACK_ID) params.set('pack', packId);
  if (quote) params.set('quote', quote);
  return `${DOCUMENT_PAGE}?${params}`;
}

export function parseDocumentQuery(search: string): { packId: string; sourceId: string | null; quote: string | null } {
  const params = new URLSearchParams(search);
  return { packId: params.get('pack') ?? BUNDLED_PACK_ID, sourceId: params.get('source'), quote: params.get('quote') };
}
