// @vitest-environment jsdom
// The reader alone: which text nodes make a run, where runs end, and which runs are read again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunReader, type RunReaderHooks, withLineBreaks } from './runs';

function reader(hooks: Partial<RunReaderHooks> = {}) {
  return new RunReader(document.body, {
    groupOf: () => undefined,
    unwrite: () => {},
    readAsNothing: () => {},
    host: () => {},
    readAgain: () => {},
    ...hooks,
  });
}

const texts = (r: RunReader, start: Node = document.body) => [...r.read(start)].map((run) => run.text);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('RunReader', () => {
  it('joins text across inline elements and ends a run at blocks and excluded elements', () => {
    document.body.innerHTML =
      '<p>Ask <b>Antony</b> <i>Blinken</i> now</p><div>Canada<code>Chile</code>Peru</div><p contenteditable="true">Kenya</p>';
    expect(texts(reader())).toEqual(['Ask Antony Blinken now', 'Canada', 'Peru']);
  });

  it('reads a <br> as a line break, so a name broken over two lines is one name', () => {
    document.body.innerHTML = '<p>Samantha<br>Power</p>';
    const [run] = [...reader().read(document.body)];
    expect(run?.breaks).toEqual([8]);
    const { text, toReal } = withLineBreaks(run?.text ?? '', run?.breaks ?? []);
    expect(text).toBe('Samantha\nPower');
    expect(toReal(9)).toBe(8);
    expect(toReal(3)).toBe(3);
  });

  it('does not read again a run that had no mention while its text stays the same', () => {
    document.body.innerHTML = '<p>Power</p><p>Canada</p>';
    const r = reader();
    const runs = [...r.read(document.body)];
    r.readWithout(runs[0] as NonNullable<(typeof runs)[0]>);
    expect(texts(r)).toEqual(['Canada']);
    (document.querySelector('p')?.firstChild as Text).data = 'Power again';
    expect(texts(r)).toEqual(['Power again', 'Canada']);
    r.forgetReads();
    expect(texts(r)).toEqual(['Power again', 'Canada']);
  });

  it('skips text without letters, and says so for what was held for later', () => {
    document.body.innerHTML = '<p>12</p><p> -- </p>';
    const readAsNothing = vi.fn();
    expect(texts(reader({ readAsNothing }))).toEqual(['12']);
    expect(readAsNothing).toHaveBeenCalled();
  });

  it('shows every element met to whoever follows shadow roots', () => {
    document.body.innerHTML = '<p>Canada <my-card>x</my-card></p>';
    const host = vi.fn();
    texts(reader({ host }));
    expect(host.mock.calls.map(([el]) => (el as Element).localName)).toContain('my-card');
  });

  it('reads the visible runs from the top of the viewport down to its bottom', () => {
    document.body.innerHTML = Array.from({ length: 20 }, (_, i) => `<p id="p${i}">Canada ${i}</p>`).join('');
    const paragraphs = [...document.querySelectorAll('p')];
    for (const [i, p] of paragraphs.entries()) {
      vi.spyOn(p, 'getBoundingClientRect').mockReturnValue({ top: i * 100 - 300 } as DOMRect);
    }
    // jsdom has no layout: the test says which element is at the top of the viewport.
    Object.defineProperty(document, 'elementFromPoint', { value: () => paragraphs[3], configurable: true });
    try {
      expect(
        reader()
          .visible()
          .map((run) => run.text),
      ).toEqual([3, 4, 5, 6, 7, 8, 9, 10].map((i) => `Canada ${i}`).filter((_, k) => k * 100 <= window.innerHeight));
    } finally {
      delete (document as { elementFromPoint?: unknown }).elementFromPoint;
    }
  });
});
