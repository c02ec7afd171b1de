// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { matcherAliases } from '../knowledge/pack';
import { Matcher } from '../matcher/matcher';
import { Annotator } from './annotator';

const matcher = new Matcher(matcherAliases());

const entities = (root: ParentNode) =>
  [...root.querySelectorAll('mark.gloss-mark')].map((m) => m.getAttribute('data-entity'));

let elementCount = 0;
/** Defines a custom element whose upgrade attaches an open shadow root holding `html`. */
function defineShadowElement(name: string, html: string): void {
  customElements.define(
    name,
    class extends HTMLElement {
      connectedCallback() {
        if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).innerHTML = html;
      }
    },
  );
}
const uniqueName = () => `late-card-${++elementCount}`;

/** Longer than the first look at custom elements read without a shadow root, in real time. */
const pastFirstLook = () => new Promise((resolve) => setTimeout(resolve, 800));

let annotator: Annotator | null = null;
afterEach(() => {
  annotator?.stop();
  annotator = null;
  document.body.innerHTML = '';
});

async function annotated(): Promise<Annotator> {
  annotator = new Annotator(document.body, { matcher });
  await annotator.start();
  await annotator.idle();
  return annotator;
}

function attachOpen(host: Element, html: string): ShadowRoot {
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = html;
  return shadow;
}

describe('open shadow roots', () => {
  it('are highlighted where they stand, nested ones too, and stop() restores them', async () => {
    document.body.innerHTML = '<p>Canada.</p><div id="host"></div>';
    const outer = attachOpen(
      document.getElementById('host') as Element,
      '<p>Antony Blinken met Zhao Lijian.</p><div></div>',
    );
    const inner = attachOpen(outer.querySelector('div') as Element, '<p>The European Commission.</p>');
    const before = [document.body.innerHTML, outer.innerHTML, inner.innerHTML];
    const gloss = await annotated();
    expect([entities(document.body), entities(outer), entities(inner)]).toEqual([
      ['country:ca'],
      ['person:antony-blinken', 'person:zhao-lijian'],
      ['org:european-commission'],
    ]);
    expect(gloss.mentions().get('org:european-commission')).toBe(1);
    gloss.stop();
    expect([document.body.innerHTML, outer.innerHTML, inner.innerHTML]).toEqual(before);
  });

  it('attached when the page defines its element late are highlighted, with no other change to the page', async () => {
    const name = uniqueName();
    document.body.innerHTML = `<p>Canada.</p><${name}></${name}>`;
    const gloss = await annotated();
    defineShadowElement(name, '<p>Samantha Power of USAID.</p>');
    const shadow = document.querySelector(name)?.shadowRoot as ShadowRoot;
    expect(entities(shadow)).toEqual([]);
    await pastFirstLook();
    await gloss.idle();
    expect(entities(shadow)).toEqual(['person:samantha-power', 'org:usaid']);
    const text = shadow.textContent;
    gloss.stop();
    expect(entities(shadow)).toEqual([]);
    expect(shadow.textContent).toBe(text);
  });

  it('attached late inside content added later are highlighted too', async () => {
    const name = uniqueName();
    document.body.innerHTML = '<p>Canada.</p><div id="feed"></div>';
    const gloss = await annotated();
    const added = document.createElement(name);
    (document.getElementById('feed') as Element).append(added);
    await gloss.idle();
    defineShadowElement(name, '<p>Japan.</p>');
    await pastFirstLook();
    await gloss.idle();
    expect(entities(added.shadowRoot as ShadowRoot)).toEqual(['country:jp']);
  });

  it('attached late are left alone after stop(), and in an editable zone', async () => {
    const stopped = uniqueName();
    const editable = uniqueName();
    document.body.innerHTML = `<${stopped}></${stopped}><div contenteditable="true"><${editable}></${editable}></div>`;
    const gloss = await annotated();
    defineShadowElement(editable, '<p>Kenya.</p>');
    await pastFirstLook();
    await gloss.idle();
    expect(entities(document.querySelector(editable)?.shadowRoot as ShadowRoot)).toEqual([]);
    gloss.stop();
    defineShadowElement(stopped, '<p>Peru.</p>');
    await pastFirstLook();
    expect(entities(document.querySelector(stopped)?.shadowRoot as ShadowRoot)).toEqual([]);
  });
});

describe('shadow roots added with their host', () => {
  it('are highlighted when the page appends a host that already has one', async () => {
    document.body.innerHTML = '<p>Canada.</p><div id="feed"></div>';
    const gloss = await annotated();
    const host = document.createElement('section');
    attachOpen(host, '<p>Antony Blinken.</p>');
    (document.getElementById('feed') as Element).append(host);
    await Promise.resolve();
    await gloss.idle();
    expect(entities(host.shadowRoot as ShadowRoot)).toEqual(['person:antony-blinken']);
  });
});
