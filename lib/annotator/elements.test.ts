// @vitest-environment jsdom
// Which elements are ours to read, and where a run of text starts.
import { afterEach, describe, expect, it } from 'vitest';
import { blockAround, isExcludedElement, isHtmlDocument, isInline, isInsideExcluded } from './elements';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('elements', () => {
  it('excludes code, form state, hidden content, editable zones and our own UI', () => {
    document.body.innerHTML = `
      <code></code><textarea></textarea><div hidden></div><div aria-hidden="true"></div>
      <div contenteditable="true"></div><div contenteditable=""></div><div data-gloss-ui></div><mark></mark>
      <div contenteditable="false"></div><div aria-hidden="false"></div><p></p><span></span>`;
    const excluded = [...document.body.children].map(isExcludedElement);
    expect(excluded).toEqual([true, true, true, true, true, true, true, true, false, false, false, false]);
  });

  it('knows text inside an excluded element, up to the root', () => {
    document.body.innerHTML = '<pre><b><i>x</i></b></pre><p><b>y</b></p>';
    const [x, y] = [...document.querySelectorAll('i, p b')].map((el) => el.firstChild as Text);
    expect(isInsideExcluded(x as Text, document.body)).toBe(true);
    expect(isInsideExcluded(y as Text, document.body)).toBe(false);
    // Under a root inside the excluded element, it is not the root's to say.
    expect(isInsideExcluded(x as Text, document.querySelector('b') as Element)).toBe(false);
  });

  it('finds the block a run belongs to, through inline elements, never above the root', () => {
    document.body.innerHTML = '<div><p>Ask <b><i>Antony</i></b></p></div>';
    const text = document.querySelector('i')?.firstChild as Text;
    expect(isInline(document.querySelector('b') as Element)).toBe(true);
    expect(blockAround(text, document.body)).toBe(document.querySelector('p'));
    expect(blockAround(text, document.querySelector('b') as Element)).toBe(document.querySelector('b'));
  });

  it('reads only HTML pages', () => {
    expect(isHtmlDocument(document)).toBe(true);
    const xml = new DOMParser().parseFromString('<a>Canada</a>', 'application/xml');
    expect(isHtmlDocument(xml)).toBe(false);
  });
});
