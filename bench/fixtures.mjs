// Deterministic fixture pages for the benchmark: news-like articles of a given number of words
// with mentions of the pack's entities at a realistic density, trap words, excluded zones and
// names split by inline elements; and a feed page that appends paragraphs in bursts.
//
// The same seed always gives the same page, byte for byte.
//
// One rule keeps the expected number of marks independent of the order in which the annotator
// reads the page (viewport first, then the rest): a `reference` alias ("Power", "the
// Declaration") only ever appears in a paragraph that named its entity in full earlier on.
import { readFileSync } from 'node:fs';
import { FILLER_SENTENCES, SECTION_WORDS, TOPICS, TRAP_SENTENCES, VERBS, WEEKDAYS } from './fixture-words.mjs';

const ROOT = new URL('..', import.meta.url);
const pack = JSON.parse(readFileSync(new URL('data/knowledge.json', ROOT), 'utf8'));

/** mulberry32: a small, fast, seeded PRNG. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const countWords = (text) => (text.match(/\S+/g) ?? []).length;
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// ---------------------------------------------------------------------------------------------
// Entities and their surface forms

const USABLE_KINDS = new Set(['name', 'acronym', 'short', 'title', 'capital']);

function entityPool(type) {
  return pack.entities
    .filter((e) => e.type === type)
    .map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      forms: e.aliases.filter((a) => USABLE_KINDS.has(a.kind)).map((a) => a.text),
      translations: e.aliases.filter((a) => a.kind === 'translation').map((a) => a.text),
      reference: e.aliases.find((a) => a.kind === 'reference')?.text ?? null,
    }))
    .filter((e) => e.forms.length > 0);
}

const POOLS = {
  country: entityPool('country'),
  organization: entityPool('organization'),
  initiative: entityPool('initiative'),
  official: entityPool('official'),
};

/** Builds one page with its own PRNG; `html` pieces are pushed to `out`, words counted. */
class Writer {
  constructor(seed) {
    this.random = mulberry32(seed);
    this.words = 0;
    this.out = [];
  }

  int(min, max) {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  chance(p) {
    return this.random() < p;
  }

  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }

  push(html, text) {
    this.out.push(html);
    if (text !== undefined) this.words += countWords(text);
  }

  entity(type) {
    return this.pick(POOLS[type]);
  }

  randomType() {
    const r = this.random();
    if (r < 0.5) return 'country';
    if (r < 0.7) return 'organization';
    if (r < 0.85) return 'initiative';
    return 'official';
  }

  /**
   * A mention of `entity` as HTML and text. Multi-word names are sometimes split by an inline
   * element (`<b>Antony</b> Blinken`), sometimes inside a word (`Bl<span>inken</span>`), often
   * linked; a few use a translated name.
   */
  mention(entity, { full = false } = {}) {
    let text;
    if (full) text = entity.forms[0];
    else if (entity.translations.length > 0 && this.chance(0.01)) text = this.pick(entity.translations);
    else text = this.chance(0.6) ? entity.forms[0] : this.pick(entity.forms);
    const words = text.split(' ');
    let html;
    const r = this.random();
    if (words.length > 1 && r < 0.12) {
      const tag = this.pick(['b', 'strong', 'em', 'span', 'a']);
      const open = tag === 'a' ? `<a href="/people/${slug(words[0])}">` : `<${tag}>`;
      html = `${open}${escapeHtml(words[0])}</${tag}> ${escapeHtml(words.slice(1).join(' '))}`;
    } else if (text.length > 5 && r < 0.15) {
      const cut = this.int(2, text.length - 2);
      html = `${escapeHtml(text.slice(0, cut))}<span class="hl">${escapeHtml(text.slice(cut))}</span>`;
    } else if (r < 0.3) {
      html = `<a href="/topic/${slug(entity.id)}">${escapeHtml(text)}</a>`;
    } else {
      html = escapeHtml(text);
    }
    return { html, text };
  }

  /** One sentence with mentions; `named` collects entities named in full in this paragraph. */
  entitySentence(named) {
    const m = (type, opts) => {
      const entity = this.entity(type);
      const mention = this.mention(entity, opts);
      if (mention.text === entity.forms[0]) named.add(entity);
      return mention;
    };
    const c = () => m('country');
    const any = () => m(this.randomType());
    const templates = [
      () => {
        const [a, b, i] = [c(), c(), m('initiative')];
        return [`${a.html} and ${b.html} said they would support the ${i.html}.`, a, b, i];
      },
      () => {
        const [p, a] = [m('official'), c()];
        return [`${p.html} met officials from ${a.html} on ${this.pick(WEEKDAYS)}.`, p, a];
      },
      () => {
        const [o, a] = [m('organization'), c()];
        return [`The ${o.html} welcomed the move, a spokesperson for ${a.html} ${this.pick(VERBS)}.`, o, a];
      },
      () => {
        const [o, a, i] = [m('organization'), c(), m('initiative')];
        return [`According to ${o.html}, ${a.html} has not yet joined the ${i.html}.`, o, a, i];
      },
      () => {
        const a = c();
        return [`${a.html}\u2019s delegation ${this.pick(VERBS)} that ${this.pick(TOPICS)} was a priority.`, a];
      },
      () => {
        const [p, t] = [m('official'), this.pick(TOPICS)];
        return [`\u201cWe will not compromise on ${t},\u201d ${p.html} ${this.pick(VERBS)}.`, p];
      },
      () => {
        const x = any();
        return [`Much of the debate on ${this.pick(TOPICS)} turned on the position of ${x.html}.`, x];
      },
      () => {
        const [a, b] = [c(), c()];
        return [`Talks between ${a.html} and ${b.html} on ${this.pick(TOPICS)} resumed this week.`, a, b];
      },
      () => {
        const [i, o] = [m('initiative'), m('organization')];
        return [`The ${i.html} was discussed at length at the ${o.html} meeting.`, i, o];
      },
      () => {
        const a = c();
        return [`Diplomats from ${a.html} ${this.pick(VERBS)} the text went further than expected.`, a];
      },
    ];
    const [html, ...mentions] = this.pick(templates)();
    const text = html.replace(/<[^>]*>/g, '');
    return { html, text, mentions: mentions.length };
  }

  /** A sentence that uses a reference alias of an entity this paragraph already named in full. */
  referenceSentence(named) {
    const candidates = [...named].filter((e) => e.reference);
    if (candidates.length === 0) return null;
    const entity = this.pick(candidates);
    const ref = escapeHtml(entity.reference);
    const html =
      entity.type === 'official'
        ? this.pick([
            `${ref} ${this.pick(VERBS)} that more work was needed.`,
            `Asked about the timetable, ${ref} gave no date.`,
          ])
        : this.pick([
            `The wording of the ${ref} has been criticised by some governments.`,
            `Supporters of the ${ref} say it will be reviewed next year.`,
          ]);
    return { html, text: html };
  }

  paragraph({ sentences = this.int(3, 7), firstHasEntity = false } = {}) {
    const named = new Set();
    const parts = [];
    let text = '';
    for (let i = 0; i < sentences; i++) {
      const r = this.random();
      let s;
      if ((i === 0 && firstHasEntity) || r < 0.36) s = this.entitySentence(named);
      else if (r < 0.44) s = { html: this.pick(TRAP_SENTENCES), text: '' };
      else if (r < 0.49) s = this.referenceSentence(named);
      if (!s) {
        const f = this.pick(FILLER_SENTENCES);
        s = { html: f, text: f };
      }
      if (s.text === '') s.text = s.html;
      parts.push(s.html);
      text += `${s.text} `;
    }
    return { html: `<p>${parts.join(' ')}</p>`, text };
  }

  heading(level) {
    let html;
    let text;
    if (this.chance(0.6)) {
      const x = this.mention(this.entity(this.randomType()));
      html = `${x.html}: ${this.pick(SECTION_WORDS).toLowerCase()}`;
      text = `${x.text}: section`;
    } else {
      html = this.pick(SECTION_WORDS);
      text = html;
    }
    this.push(`<h${level}>${html}</h${level}>\n`, text);
  }

  list() {
    const tag = this.chance(0.5) ? 'ul' : 'ol';
    const items = [];
    for (let i = this.int(3, 7); i > 0; i--) {
      const s = this.chance(0.7) ? this.entitySentence(new Set()) : { html: this.pick(FILLER_SENTENCES) };
      items.push(`<li>${s.html}</li>`);
      this.words += countWords(s.html.replace(/<[^>]*>/g, ''));
    }
    this.push(`<${tag}>${items.join('')}</${tag}>\n`);
  }

  table() {
    const rows = [];
    for (let i = this.int(4, 10); i > 0; i--) {
      const country = this.mention(this.entity('country'));
      const org = this.chance(0.5) ? this.mention(this.entity('organization')) : { html: '\u2014', text: '-' };
      const day = this.int(1, 28);
      rows.push(
        `<tr><td>${country.html}</td><td>${this.chance(0.7) ? 'Signed' : 'Not signed'}</td><td>${org.html}</td><td><time datetime="2022-04-${String(day).padStart(2, '0')}">${day} April 2022</time></td></tr>`,
      );
      this.words += countWords(`${country.text} Signed ${org.text} ${day} April 2022`);
    }
    this.push(
      `<table><thead><tr><th>Country</th><th>Status</th><th>Through</th><th>Date</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n`,
      'Country Status Through Date',
    );
  }

  quote() {
    const p = this.paragraph({ sentences: this.int(1, 3), firstHasEntity: true });
    this.push(`<blockquote>${p.html}</blockquote>\n`, p.text);
  }

  figure() {
    const x = this.mention(this.entity('country'));
    this.push(
      `<figure><div class="img" role="img" aria-label="photo"></div><figcaption>Delegates in ${x.html} after the signing. Photo: <a href="/agency">Wire agency</a></figcaption></figure>\n`,
      `Delegates in ${x.text} after the signing. Photo: Wire agency`,
    );
  }

  /** Text that must never be marked: code, form fields, hidden and editable content, the page's own marks. */
  excludedZone() {
    const c = () => escapeHtml(this.entity('country').forms[0]);
    const o = () => escapeHtml(this.entity('organization').forms[0]);
    const zones = [
      () =>
        `<pre><code>const signatories = ["${c()}", "${c()}", "${o()}"];\nconsole.log(signatories.includes("United States"));</code></pre>`,
      () =>
        `<p>Developers can call <code>lookup("${c()}")</code> or <kbd>${o()}</kbd> in the console; see the notes below.</p>`,
      () =>
        `<form class="comment"><label>Search <input name="q" value="${o()}"></label> <select name="c"><option>${c()}</option><option>${c()}</option></select><textarea name="t">Antony Blinken and the ${o()} in ${c()}</textarea> <button type="button">Share on Twitter</button></form>`,
      () => `<div hidden>Hidden: ${c()} and ${o()}.</div><p aria-hidden="true">Decorative: ${c()}.</p>`,
      () => `<div contenteditable="true">Draft note about ${c()} and the ${o()}.</div>`,
      () => `<p>The page itself highlights <mark>${c()}</mark> here, next to the World Trade Organization.</p>`,
    ];
    const html = this.pick(zones)();
    this.push(`${html}\n`, html.replace(/<[^>]*>/g, ' '));
  }

  /** The lead names every entity that has a reference alias, in full. */
  lead() {
    const withReference = Object.values(POOLS)
      .flat()
      .filter((e) => e.reference);
    const names = withReference.map((e) => escapeHtml(e.forms[0]));
    const html = `<p class="lead">This report follows ${names.slice(0, -1).join(', ')} and ${names.at(-1)} through a week of negotiations.</p>`;
    this.push(`${html}\n`, html.replace(/<[^>]*>/g, ''));
  }

  section(targetWords) {
    this.heading(2);
    for (let i = this.int(2, 5); i > 0 && this.words < targetWords; i--) {
      const p = this.paragraph();
      this.push(`${p.html}\n`, p.text);
    }
    if (this.chance(0.2)) this.list();
    if (this.chance(0.12)) this.table();
    if (this.chance(0.1)) this.quote();
    if (this.chance(0.08)) this.figure();
    if (this.chance(0.3)) this.excludedZone();
    if (this.chance(0.3)) {
      this.heading(3);
      for (let i = this.int(1, 3); i > 0 && this.words < targetWords; i--) {
        const p = this.paragraph();
        this.push(`${p.html}\n`, p.text);
      }
    }
  }
}

const STYLE = `
body { font: 17px/1.55 Georgia, 'DejaVu Serif', serif; margin: 0; color: #1a1a1a; }
header, footer { background: #f3f3f3; padding: 8px 24px; font-family: sans-serif; font-size: 14px; }
header a { margin-right: 12px; }
main { max-width: 720px; margin: 0 auto; padding: 0 16px; }
table { border-collapse: collapse; margin: 1em 0; } td, th { border: 1px solid #ccc; padding: 2px 6px; }
.img { width: 100%; height: 120px; background: #ddd; }
textarea { width: 100%; height: 3em; } .hl { text-decoration: underline dotted; }
`;

function documentHtml(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head>
<body>
<header><nav><a href="/">Home</a><a href="/world">World</a><a href="/tech">Technology</a><a href="/policy">Policy</a><a href="/opinion">Opinion</a></nav></header>
<main><article>
${body}
</article></main>
<footer><p>Generated fixture for the Gloss benchmark. Not real news.</p></footer>
</body></html>
`;
}

/**
 * A news-like page of about `targetWords` words. Returns the HTML and the number of words
 * written (text of every element, excluded zones included).
 */
export function generatePage(targetWords, seed = targetWords) {
  const w = new Writer(seed);
  const title = `Sixty-one countries sign a pledge for an open internet (${targetWords} words)`;
  w.push(`<h1>${escapeHtml(title)}</h1>\n`, title);
  w.push(
    `<p class="byline">By <a href="/staff">Staff writer</a>, <time datetime="2022-04-28">28 April 2022</time></p>\n`,
    'By Staff writer, 28 April 2022',
  );
  w.lead();
  while (w.words < targetWords) w.section(targetWords);
  return { html: documentHtml(title, w.out.join('')), words: w.words };
}

/**
 * A short article followed by an empty feed, and the paragraphs the page will append to it:
 * `bursts` × `perBurst` paragraphs, each of which starts with a mention.
 */
export function generateFeedPage({ baseWords = 2000, bursts = 20, perBurst = 10, seed = 7 } = {}) {
  const base = new Writer(seed);
  base.push('<h1>Live: reactions to the internet pledge</h1>\n', 'Live: reactions to the internet pledge');
  base.lead();
  while (base.words < baseWords) base.section(baseWords);
  const feed = new Writer(seed + 1);
  const items = [];
  for (let i = 0; i < bursts * perBurst; i++) {
    items.push(feed.paragraph({ sentences: feed.int(2, 5), firstHasEntity: true }).html);
  }
  // `<` escaped so that no paragraph can close the script element early.
  const data = JSON.stringify(items).replace(/</g, '\\u003c');
  const body = `${base.out.join('')}<section id="feed" aria-live="polite"></section>
<script type="application/json" id="feed-data">${data}</script>`;
  return { html: documentHtml('Live feed', body), words: base.words, items: items.length };
}
