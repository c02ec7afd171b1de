// Files chosen or dropped on the options page, read to documents on the page: HTML by the pure reader
// (lib/pack-builder/html-text.ts: shipped code parses no markup from strings), PDF by pdfjs-dist
// loaded on first use (it runs its own worker), text as it is.

import type { SourceDocument } from '@/lib/pack-builder/build';
import { type DocumentProblem, dedupe, kindOf, MAX_DOCUMENT_BYTES } from '@/lib/pack-builder/documents';
import type { GetDocument } from '@/lib/pack-builder/pdf';
import { readDocumentFile } from '@/lib/pack-builder/read-file';

export interface Refused {
  file: string;
  problem: DocumentProblem;
  /** For a duplicate, the file it copies. */
  of?: string;
}

async function pdfGetDocument(): Promise<GetDocument> {
  const pdfjs = await import('pdfjs-dist');
  const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return (source) =>
    pdfjs.getDocument({
      data: source.data,
      isEvalSupported: false,
      verbosity: 0,
    }) as unknown as ReturnType<GetDocument>;
}

/** Each file read, or refused with its reason; a second copy of a text is refused by name. */
export async function readDocuments(
  files: readonly File[],
  already: readonly { file: string; document: SourceDocument }[],
): Promise<{ kept: { file: string; document: SourceDocument }[]; refused: Refused[] }> {
  const refused: Refused[] = [];
  const read: { file: string; document: SourceDocument }[] = [...already];
  let getDocument: GetDocument | undefined;
  for (const file of files) {
    if (kindOf(file.name) === undefined) {
      refused.push({ file: file.name, problem: 'unsupported' });
      continue;
    }
    // Checked before reading: a huge file is not read into memory at all.
    if (file.size > MAX_DOCUMENT_BYTES) {
      refused.push({ file: file.name, problem: 'too-large' });
      continue;
    }
    try {
      if (kindOf(file.name) === 'pdf') getDocument ??= await pdfGetDocument();
      const result = await readDocumentFile(file.name, new Uint8Array(await file.arrayBuffer()), {
        getDocument,
      });
      if (result.ok) read.push({ file: file.name, document: result.document });
      else refused.push({ file: file.name, problem: result.problem });
    } catch {
      refused.push({ file: file.name, problem: 'unreadable' });
    }
  }
  const { kept, duplicates } = dedupe(read);
  for (const { file, of } of duplicates) refused.push({ file, problem: 'duplicate', of });
  return { kept, refused };
}
