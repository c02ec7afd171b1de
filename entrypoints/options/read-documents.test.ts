// @vitest-environment jsdom
// Files read on the options page: HTML through the page's DOMParser and Readability, text as it is,
// each bad file refused with its reason and never read when it is too large.
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '@/lib/pack-builder/documents';
import { readDocuments } from './read-documents';

const file = (name: string, text: string) => new File([text], name);

describe('readDocuments', () => {
  it('reads text and the article of an HTML page; refuses the rest by name and reason', async () => {
    const html =
      '<html><head><title>Harbour news</title></head><body><nav>Home Sport</nav><article><p>The ports of Rotterdam and Antwerp signed the Clean Berth Initiative, the mayors said on Wednesday in a long statement.</p><p>Belgium and the Netherlands will share the cost of the work, which starts next year.</p></article></body></html>';
    let read = false;
    const huge = {
      name: 'huge.txt',
      size: MAX_DOCUMENT_BYTES + 1,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    } as unknown as File;
    const { kept, refused } = await readDocuments(
      [
        file('notes.txt', 'Norway and Chile met.'),
        file('page.html', html),
        file('copy.txt', 'Norway and Chile met.'),
        file('empty.md', ''),
        file('sheet.xlsx', 'x'),
        huge,
      ],
      [],
    );
    expect(kept.map((item) => item.document.id)).toEqual(['notes', 'page']);
    const page = kept[1]?.document;
    expect(page?.text).toContain('The ports of Rotterdam and Antwerp signed the Clean Berth Initiative');
    expect(page?.text).not.toContain('Sport');
    expect(refused).toEqual([
      { file: 'empty.md', problem: 'empty' },
      { file: 'sheet.xlsx', problem: 'unsupported' },
      { file: 'huge.txt', problem: 'too-large' },
      { file: 'copy.txt', problem: 'duplicate', of: 'notes.txt' },
    ]);
    expect(read).toBe(false);
  });

  it('keeps what was added before and refuses a second copy of it', async () => {
    const first = await readDocuments([file('a.txt', 'Norway and Chile met.')], []);
    const again = await readDocuments([file('b.txt', 'Norway and Chile met.')], first.kept);
    expect(again.kept.map((item) => item.file)).toEqual(['a.txt']);
    expect(again.refused).toEqual([{ file: 'b.txt', problem: 'duplicate', of: 'a.txt' }]);
  });
});
