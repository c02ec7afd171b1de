// The pack builder off the page's thread: documents in, proposals out, progress on the way, so the
// options page stays responsive on a long document. Pure work: no DOM (Workers have none) and
// nothing fetched; HTML and PDF are read to text on the page before they come here.
import { type BuildResult, buildPack, type SourceDocument } from '@/lib/pack-builder/build';

export interface BuildRequest {
  documents: SourceDocument[];
}
export type BuildReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: BuildResult }
  | { type: 'error'; message: string };

const reply = (message: BuildReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<BuildRequest>) => {
  try {
    const result = buildPack(event.data.documents, {
      // The pack's id and name are chosen at "Save as pack"; these are placeholders.
      id: 'proposal',
      name: 'Proposal',
      onProgress: (done, total) => reply({ type: 'progress', done, total }),
    });
    reply({ type: 'done', result });
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
