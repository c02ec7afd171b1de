import { describe, expect, it } from 'vitest';
import { bundledPack } from '../knowledge/bundled';
import { cardDataOf } from '../knowledge/card-data';
import { Knowledge } from '../knowledge/knowledge';
import { type CitedRole, citationText, htmlText, roleHtml, roleMarkdown } from './cite';
import { unescapeMarkdown } from './markdown';

const card = cardDataOf(new Knowledge([bundledPack]), 'country:br');
const first = card?.roles[0];
if (!card || !first) throw new Error('Brazil has no role');
const brazil: CitedRole = { entityName: card.name, ...first };

describe('roleMarkdown', () => {
  it('gives the entity, the role, the quote as a block quote and the document', () => {
    const md = roleMarkdown(brazil);
    expect(md.startsWith(`**Brazil**: `)).toBe(true);
    expect(md).toContain(`\n\n> `);
    expect(unescapeMarkdown(md)).toContain(brazil.quote);
    expect(md).toContain(`— *${brazil.document.title}*`);
    expect(md).toContain(brazil.document.publisher ?? 'no publisher');
  });

  it('names the pack of an imported document, and keeps markup in the text as text', () => {
    const md = roleMarkdown({
      entityName: 'A *star*',
      text: 'Said <b>this</b>',
      quote: '# one\n- two',
      document: { ...brazil.document, bundled: false, packName: 'My pack' },
    });
    expect(md).toContain('**A \\*star\\***: Said \\<b\\>this\\</b\\>');
    expect(md).toContain('> \\# one\n> \\- two');
    expect(md).toContain(', pack: My pack');
  });
});

describe('roleHtml', () => {
  it('escapes everything it is given', () => {
    const html = roleHtml({ ...brazil, entityName: '<img src=x onerror=alert(1)>', quote: 'a & "b"\nc' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<blockquote>a &amp; &quot;b&quot;<br>c</blockquote>');
    expect(html).toContain(`<cite>${htmlText(brazil.document.title)}</cite>`);
  });

  it('cites the same document as the Markdown does', () => {
    expect(citationText(brazil.document).startsWith(brazil.document.title)).toBe(true);
  });
});
