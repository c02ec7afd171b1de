// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { changedText, probeText } from './text-probe';

function page(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

/** A test that records what it was asked, and holds for texts with `word` as a word. */
function wordTest(word: string) {
  const seen: string[] = [];
  const test = (text: string) => {
    seen.push(text);
    return new RegExp(`(^|\\W)${word}(\\W|$)`).test(text);
  };
  return { test, seen };
}

describe('probeText', () => {
  it('finds a word cut by inline markup, and two words parted only by a line break', () => {
    expect(probeText(page('<p>Ger<b>many</b> signed.</p>'), wordTest('Germany').test).found).toBe(true);
    expect(probeText(page('<p>Uni<b>ted</b> States</p>'), wordTest('United States').test).found).toBe(true);
    const parted = page('<p>United<br>States</p>');
    expect(probeText(parted, wordTest('United States').test).found).toBe(true);
    expect(probeText(parted, wordTest('UnitedStates').test).found).toBe(true);
  });

  it('reads open shadow roots, and not scripts, styles or templates', () => {
    const root = page(
      '<script>var x = "Kenya";</script><style>.Kenya{}</style><template>Kenya</template><p>Nothing.</p>',
    );
    expect(probeText(root, wordTest('Kenya').test).found).toBe(false);
    const host = page('<span></span>').firstElementChild as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Kenya</p>';
    expect(probeText(host.parentNode as Node, wordTest('Kenya').test).found).toBe(true);
  });

  it('lists custom elements without a shadow root, which may attach one later', () => {
    const root = page('<news-widget></news-widget><p>Nothing here.</p>');
    const result = probeText(root, wordTest('Kenya').test);
    expect(result.found).toBe(false);
    expect(result.waiting.map((el) => el.localName)).toEqual(['news-widget']);
  });

  it('finds a name that straddles two pieces, and reads a long page in growing pieces', () => {
    const filler = 'lorem ipsum dolor '.repeat(120); // about 2,000 characters
    const words = `${filler}Kenya ${'x '.repeat(5)}`;
    const { test, seen } = wordTest('Kenya');
    // Text nodes of 40 characters: "Kenya" falls wherever the pieces happen to be cut.
    const html =
      words
        .match(/.{1,40}/gs)
        ?.map((chunk) => `<span>${chunk}</span>`)
        .join('') ?? '';
    expect(probeText(page(`<p>${html}</p>`), test).found).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[0]?.length).toBeLessThan(2000);
  });

  it('stops after maxChars without an answer', () => {
    const root = page(`<p>${'lorem ipsum '.repeat(1000)}</p><p>Kenya</p>`);
    expect(probeText(root, wordTest('Kenya').test, 4096).found).toBe(false);
    expect(probeText(root, wordTest('Kenya').test).found).toBe(true);
  });
});

describe('changedText', () => {
  it('gives the nodes added and the text nodes rewritten', async () => {
    const root = page('<p id="a">old</p>');
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    const added = document.createElement('p');
    added.textContent = 'new';
    root.append(added);
    (root.querySelector('#a')?.firstChild as Text).data = 'rewritten';
    await Promise.resolve();
    observer.disconnect();
    const nodes = changedText(records);
    expect(nodes).toContain(added);
    expect(nodes.some((node) => node.nodeType === Node.TEXT_NODE && (node as Text).data === 'rewritten')).toBe(true);
  });
});
