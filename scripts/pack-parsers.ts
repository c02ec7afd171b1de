// The parsers the pack builder needs, for Node: jsdom for HTML, the legacy build of pdfjs-dist
// (which runs without a DOM or a worker thread) for PDF. The CLI and the builder's tests use them.
import { JSDOM } from 'jsdom';
import type { GetDocument } from '../lib/pack-builder/pdf';
import type { Parsers } from '../lib/pack-builder/read-file';

export async function nodeParsers(): Promise<Required<Parsers>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const getDocument: GetDocument = (source) =>
    pdfjs.getDocument({
      data: source.data,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    }) as unknown as ReturnType<GetDocument>;
  // Scripts never run: jsdom only runs them when asked (runScripts), and we do not ask.
  return { parseHtml: (html) => new JSDOM(html).window.document, getDocument };
}
