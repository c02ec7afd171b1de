// A PDF's text layer, by pdfjs-dist (Mozilla's PDF.js). The caller passes its getDocument (the
// legacy build in Node, the regular one on the options page) so this module imports no build of it.
export interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}
export interface PdfLike {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: PdfTextItem[] }> }>;
  getMetadata(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}
export type GetDocument = (source: { data: Uint8Array }) => { promise: Promise<PdfLike> };

/** The text of every page, a line per line of the PDF, pages apart by a blank line; its stated title. */
export async function pdfText(bytes: Uint8Array, getDocument: GetDocument): Promise<{ text: string; title?: string }> {
  const pdf = await getDocument({ data: bytes }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      let page = '';
      for (const item of content.items) page += (item.str ?? '') + (item.hasEOL ? '\n' : '');
      pages.push(
        page
          .split('\n')
          .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
          .join('\n')
          .replace(/\n{3,}/g, '\n\n')
          .trim(),
      );
    }
    const info = (await pdf.getMetadata()).info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : undefined;
    return { text: pages.filter((page) => page !== '').join('\n\n'), ...(title ? { title } : {}) };
  } finally {
    await pdf.destroy();
  }
}
