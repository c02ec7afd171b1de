// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { matcherAliases } from '../knowledge/pack';
import { Matcher } from '../matcher/matcher';
import { Annotator, countMentions } from './annotator';

const matcher = new Matcher(matcherAliases());

function setup(html: string) {
  document.body.innerHTML = html;
  const annotator = new Annotator(document.body, { matcher });
  return { annotator, body: document.body };
}

const marks = (root: ParentNode = document.body) =>
  [...root.querySelectorAll('mark.gloss-mark')].map((m) => [m.textContent, m.getAttribute('data-entity')]);

/** A structural snapshot that also sees how text is split into nodes. */
function shape(node: Node): unknown {
  if (node.nodeType === Node.TEXT_NODE) return `#${(node as Text).data}`;
  const el = node as Element;
  return [el.nodeName, [...el.attributes].map((a) => `${a.name}=${a.value}`), [...el.childNodes].map(shape)];
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('annotate', () => {
  it('wraps mentions in marks that follow the DOM contract', () => {
    const { annotator } = setup('<p>The United States and Canada signed.</p>');
    annotator.annotate();
    const mark = document.querySelector('mark.gloss-mark');
    expect(mark?.getAttribute('data-entity')).toBe('country:us');
    expect(mark?.getAttribute('data-entity-type')).toBe('country');
    expect(marks()).toEqual([
      ['United States', 'country:us'],
      ['Canada', 'country:ca'],
    ]);
  });

  it('keeps the page text byte-identical', () => {
    const html =
      '<h1>Canada, U.S. in group</h1><p>Secretary Blinken and <i>Ms Power</i> met Zhao Lijian in Beijing’s view.</p>';
    const { annotator, body } = setup(html);
    const before = body.textContent;
    annotator.annotate();
    expect(marks().length).toBeGreaterThan(4);
    expect(body.textContent).toBe(before);
  });

  it('marks a name split across inline elements as one mention', () => {
    const { annotator } = setup('<p><b>Antony</b> Blinken and <a href="#">New</a> Zealand</p>');
    annotator.annotate();
    expect(marks()).toEqual([
      ['Antony', 'person:antony-blinken'],
      [' Blinken', 'person:antony-blinken'],
      ['New', 'country:nz'],
      [' Zealand', 'country:nz'],
    ]);
    expect(Object.fromEntries(countMentions(document.body))).toEqual({
      'person:antony-blinken': 1,
      'country:nz': 1,
    });
  });

  it('does not join words across block boundaries', () => {
    const { annotator } = setup('<div><p>New</p>Zealand</div><p>United</p><p>States</p><p>Antony<input>Blinken</p>');
    annotator.annotate();
    expect(marks()).toEqual([['Blinken', 'person:antony-blinken']]);
  });

  it('reads a <br> inside a name as the line break it is', () => {
    const { annotator, body } = setup('<p>Canada and Zhao<br>Lijian, then <b>New<br></b>Zealand</p>');
    const html = body.innerHTML;
    annotator.annotate();
    expect(marks()).toEqual([
      ['Canada', 'country:ca'],
      ['Zhao', 'person:zhao-lijian'],
      ['Lijian', 'person:zhao-lijian'],
      ['New', 'country:nz'],
      ['Zealand', 'country:nz'],
    ]);
    expect(Object.fromEntries(countMentions(body))).toEqual({
      'country:ca': 1,
      'person:zhao-lijian': 1,
      'country:nz': 1,
    });
    annotator.clear();
    expect(body.innerHTML).toBe(html);
  });

  it('never touches excluded content', () => {
    const { annotator, body } = setup(`
      <p>Canada</p>
      <input value="United States"><textarea>China and Russia</textarea>
      <select><option>Japan</option></select>
      <div contenteditable="true"><p>Antony Blinken</p></div>
      <code>UN</code><pre>EU and <b>Japan</b></pre>
      <script>var x = "Canada";</script><style>.Canada{}</style>
      <div hidden>France</div><span aria-hidden="true">France</span>
      <mark>Germany</mark><button>Spain</button>
      <div data-gloss-ui><p>Italy</p></div>`);
    annotator.annotate();
    expect(marks()).toEqual([['Canada', 'country:ca']]);
    expect((body.querySelector('input') as HTMLInputElement).value).toBe('United States');
    expect((body.querySelector('textarea') as HTMLTextAreaElement).value).toBe('China and Russia');
  });

  it('is idempotent', () => {
    const { annotator, body } = setup('<p>Canada and the <b>U.S.</b> and Antony <i>Blinken</i></p>');
    annotator.annotate();
    const once = shape(body);
    annotator.annotate();
    expect(shape(body)).toEqual(once);
  });
});

describe('the cost of each mark', () => {
  // A NodeIterator stays registered with its document until garbage collection, and Chromium
  // updates every registered one on each node removal: made per wrapped run, they turn marking
  // a long page quadratic.
  it('leaves no NodeIterator registered with the document', () => {
    const created = vi.spyOn(Document.prototype, 'createNodeIterator');
    try {
      const { annotator } = setup(
        '<p>Canada and <b>New</b> Zealand.</p><p>Antony Blinken in Kenya.</p><p>Japan, <i>Peru</i>.</p>',
      );
      annotator.annotate();
      expect(marks().map(([, entity]) => entity)).toEqual([
        'country:ca',
        'country:nz',
        'country:nz',
        'person:antony-blinken',
        'country:ke',
        'country:jp',
        'country:pe',
      ]);
      expect(created).not.toHaveBeenCalled();
      expect(Object.getOwnPropertyDescriptor(document, 'createNodeIterator')).toBeUndefined();
    } finally {
      created.mockRestore();
    }
  });
});

describe('clear', () => {
  it('restores the original DOM, node for node', () => {
    const { annotator, body } = setup('<p>Canada, the U.S. and <b>Antony</b> Blinken.</p><p>Nothing here.</p>');
    const before = shape(body);
    const firstText = body.querySelector('p')?.firstChild;
    annotator.annotate();
    expect(marks().length).toBe(4);
    annotator.clear();
    expect(shape(body)).toEqual(before);
    expect(body.querySelector('p')?.firstChild).toBe(firstText);
    expect(body.querySelectorAll('mark').length).toBe(0);
  });

  it('keeps adjacent text nodes the page made separate', () => {
    const p = document.createElement('p');
    p.append('Hello ', 'Canada', ' and Japan');
    document.body.append(p);
    const annotator = new Annotator(document.body, { matcher });
    annotator.annotate();
    annotator.clear();
    expect([...p.childNodes].map((n) => n.textContent)).toEqual(['Hello ', 'Canada', ' and Japan']);
  });
});

describe('keeping up with the page', () => {
  it('never mistakes its own splits for page edits, even when it yields between runs', async () => {
    const html =
      '<h1>China and Russia look on</h1><p>The United States and Canada</p><p>In Beijing, <b>Zhao</b> Lijian</p>';
    document.body.innerHTML = html;
    const text = document.body.textContent;
    const annotator = new Annotator(document.body, { matcher, sliceMs: 0 });
    await annotator.start();
    await new Promise((r) => setTimeout(r, 20));
    await annotator.idle();
    expect(document.body.textContent).toBe(text);
    expect(marks().map(([t]) => t)).toEqual([
      'China',
      'Russia',
      'United States',
      'Canada',
      'Beijing',
      'Zhao',
      ' Lijian',
    ]);
    annotator.stop();
    expect(document.body.innerHTML).toBe(html);
  });

  it('reads a wrapped run again when the page adds text to it', async () => {
    const { annotator } = setup('<p id="p">Canada and New</p>');
    await annotator.start();
    expect(marks()).toEqual([['Canada', 'country:ca']]);
    document.getElementById('p')?.append(' Zealand');
    await new Promise((r) => setTimeout(r, 20));
    await annotator.idle();
    expect(marks()).toEqual([
      ['Canada', 'country:ca'],
      ['New', 'country:nz'],
      [' Zealand', 'country:nz'],
    ]);
    annotator.stop();
    expect(document.getElementById('p')?.textContent).toBe('Canada and New Zealand');
  });

  it('highlights content added later', async () => {
    const { annotator } = setup('<p>Canada</p>');
    await annotator.start();
    const p = document.createElement('p');
    p.textContent = 'Zhao Lijian visited Cambodia.';
    document.body.append(p);
    await new Promise((r) => setTimeout(r, 20));
    await annotator.idle();
    expect(marks()).toEqual([
      ['Canada', 'country:ca'],
      ['Zhao Lijian', 'person:zhao-lijian'],
      ['Cambodia', 'country:kh'],
    ]);
    annotator.stop();
    expect(marks()).toEqual([]);
  });

  it('shows only the new text when the page rewrites a node it owns', async () => {
    const p = document.createElement('p');
    const text = document.createTextNode('Canada and Japan agreed');
    p.append(text);
    document.body.append(p);
    const annotator = new Annotator(document.body, { matcher });
    await annotator.start();
    expect(marks().length).toBe(2);
    text.data = 'France disagreed';
    await new Promise((r) => setTimeout(r, 20));
    await annotator.idle();
    expect(p.textContent).toBe('France disagreed');
    expect(marks()).toEqual([['France', 'country:fr']]);
    annotator.stop();
    expect(p.textContent).toBe('France disagreed');
  });

  it('drops its leftovers when the page removes a node it owns', async () => {
    const p = document.createElement('p');
    const text = document.createTextNode('Canada and Japan agreed');
    p.append(text, document.createElement('br'));
    document.body.append(p);
    const annotator = new Annotator(document.body, { matcher });
    await annotator.start();
    text.remove();
    await new Promise((r) => setTimeout(r, 20));
    await annotator.idle();
    expect(p.textContent).toBe('');
    annotator.stop();
  });
});

describe('properties on generated documents', () => {
  const words = ['Canada', 'the', 'U.S.', 'New', 'Zealand', 'Antony', 'Blinken', 'us', 'and', ' ', '\u00a0', "'s"];
  const inline = ['b', 'i', 'span', 'a'];
  const block = ['p', 'div', 'li'];
  const excluded = ['code', 'textarea'];
  type Tree = string | { tag: string; children: Tree[] };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      fc.record({
        tag: fc.constantFrom(...inline, ...block, ...excluded),
        children: fc.array(tie('node'), { maxLength: 4 }),
      }),
    ),
  })).node;

  function build(parent: Node, node: Tree) {
    if (typeof node === 'string') {
      parent.appendChild(document.createTextNode(node));
      return;
    }
    const el = document.createElement(node.tag);
    if (node.tag === 'textarea') el.textContent = 'Canada';
    else for (const child of node.children) build(el, child);
    parent.appendChild(el);
  }

  it('annotate keeps text, clear restores the DOM, nothing lands in excluded elements', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (nodes) => {
        document.body.innerHTML = '';
        for (const node of nodes) build(document.body, node);
        const before = shape(document.body);
        const text = document.body.textContent;
        const annotator = new Annotator(document.body, { matcher });
        annotator.annotate();
        expect(document.body.textContent).toBe(text);
        expect(document.body.querySelectorAll('code mark, textarea mark').length).toBe(0);
        const once = shape(document.body);
        annotator.annotate();
        expect(shape(document.body)).toEqual(once);
        annotator.clear();
        expect(shape(document.body)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});

describe('elements that change status', () => {
  it('takes its marks out of an element the page makes editable, and back when it stops', async () => {
    const { annotator } = setup('<div id="box"><p>Canada and <b>Antony</b> Blinken</p></div><p>Japan</p>');
    const box = document.getElementById('box') as HTMLElement;
    const before = box.innerHTML;
    await annotator.start();
    expect(marks().length).toBe(4);
    box.setAttribute('contenteditable', 'true');
    await new Promise((r) => setTimeout(r, 20));
    await annotator.idle();
    expect(box.innerHTML).toBe(before);
    expect(marks()).toEqual([['Japan', 'country:jp']]);
    box.removeAttribute('contenteditable');
    await new Promise((r) => setTimeout(r, 20));
    await annotator.idle();
    expect(marks().length).toBe(4);
    annotator.stop();
  });

  it('highlights text the page reveals', async () => {
    const { annotator } = setup('<p hidden id="more">Zhao Lijian</p>');
    await annotator.start();
    expect(marks()).toEqual([]);
    document.getElementById('more')?.removeAttribute('hidden');
    await new Promise((r) => setTimeout(r, 20));
    await annotator.idle();
    expect(marks()).toEqual([['Zhao Lijian', 'person:zhao-lijian']]);
    annotator.stop();
  });
});

describe('mentions', () => {
  it('counts what is marked as marks come and go', async () => {
    const { annotator } = setup('<p id="a">Canada and <b>Antony</b> Blinken</p><p id="b">Canada again</p>');
    await annotator.start();
    expect(Object.fromEntries(annotator.mentions())).toEqual({ 'country:ca': 2, 'person:antony-blinken': 1 });
    expect(annotator.mentions()).toEqual(countMentions(document.body));
    document.getElementById('b')?.remove();
    document.getElementById('a')?.firstChild?.remove();
    await new Promise((r) => setTimeout(r, 20));
    await annotator.idle();
    expect(annotator.mentions()).toEqual(countMentions(document.body));
    expect(Object.fromEntries(annotator.mentions())).toEqual({ 'person:antony-blinken': 1 });
    annotator.stop();
    expect(annotator.mentions().size).toBe(0);
  });
});
