import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from '../../data/knowledge.json';
import type { Mention } from '../messages';
import { type Answer, countByType, GROUP_RELATIONS, groupsOf, MIN_LIST_SIZE, pageAnswers } from './answers';
import { getEntity, pack } from './pack';
import type { BundledPackFile, Entity } from './schema';

// Read straight from the JSON, not through the module under test.
const rawPack = raw as BundledPackFile;
const subjectsOf = (type: string, target: string) =>
  rawPack.entities.filter((e) => e.relations.some((r) => r.type === type && r.target === target)).map((e) => e.id);

const page = (...ids: (string | [string, number])[]): Mention[] =>
  ids.map((id) => (typeof id === 'string' ? { entityId: id, count: 1 } : { entityId: id[0], count: id[1] }));
const find = (answers: Answer[], key: string) => answers.find((a) => a.key === key);
const onPageIds = (answer: Answer | undefined) => answer?.onPage.map((e) => e.entity.id);

describe('the groups the pack forms', () => {
  const groups = groupsOf(pack.entities);

  it('counts the 61 countries that signed the Declaration, from the data', () => {
    const signed = groups.get('signed:initiative:dfi');
    const expected = subjectsOf('signed', 'initiative:dfi');
    expect(signed?.members.map((m) => m.id)).toEqual(expected);
    expect(countByType(signed?.members ?? []).country).toBe(61);
    // The European Commission endorsed it too; the total is whatever the data says.
    expect(signed?.members.length).toBe(expected.length);
  });

  it('records who did not sign, who launched, and the members of the Export Controls initiative', () => {
    expect(
      groups
        .get('did-not-sign:initiative:dfi')
        ?.members.map((m) => m.id)
        .sort(),
    ).toEqual(['country:br', 'country:in']);
    expect(groups.get('member-of:initiative:echri')?.members.map((m) => m.id)).toEqual(
      subjectsOf('member-of', 'initiative:echri'),
    );
    expect(groups.get('member-of:initiative:echri')?.members.length).toBeGreaterThanOrEqual(8);
    expect(groups.get('launched:initiative:dfi')?.members.map((m) => m.id)).toContain('country:us');
  });

  it('makes groups only of the relations that gather members', () => {
    for (const group of groups.values()) expect(GROUP_RELATIONS).toContain(group.relation);
    expect([...groups.keys()].some((k) => k.startsWith('leads:') || k.startsWith('works-for:'))).toBe(false);
  });

  it('keeps each quote with its member', () => {
    const evidence = groups.get('did-not-sign:initiative:dfi')?.evidence.get('country:br');
    expect(evidence?.quote).toContain('Brazil and India');
    expect(pack.documents.map((s) => s.id)).toContain(evidence?.source);
  });
});

describe('pageAnswers', () => {
  it('answers nothing for an empty page or one with only unknown or zero mentions', () => {
    expect(pageAnswers([])).toEqual([]);
    expect(pageAnswers(page('country:nowhere', 'person:nobody'))).toEqual([]);
    expect(pageAnswers([{ entityId: 'country:us', count: 0 }])).toEqual([]);
  });

  it('tells which signatories of the Declaration are on the page, out of all of them', () => {
    const answers = pageAnswers(page(['country:us', 4], 'country:ca', 'country:fr', 'initiative:dfi', 'country:cn'));
    const signed = find(answers, 'group:signed:initiative:dfi');
    expect(signed?.kind).toBe('group');
    expect(signed?.members.length).toBe(subjectsOf('signed', 'initiative:dfi').length);
    expect(onPageIds(signed)).toEqual(['country:us', 'country:ca', 'country:fr']);
    expect(signed?.onPage[0]?.count).toBe(4);
    expect(signed?.targetMentions).toBe(1);
  });

  it('lists the countries on the page that did not sign, citing the documents where they declined', () => {
    const answers = pageAnswers(
      page('initiative:dfi', 'country:br', 'country:in', 'country:cn', 'country:us', 'org:xinhua'),
    );
    const outside = find(answers, 'outside:signed:initiative:dfi');
    expect(outside?.kind).toBe('outside');
    const entries = outside?.kind === 'outside' ? outside.onPage : [];
    expect(entries.map((e) => e.entity.id).sort()).toEqual(['country:br', 'country:cn', 'country:in']);
    const declined = entries.filter((e) => e.declined).map((e) => e.entity.id);
    expect(declined.sort()).toEqual(['country:br', 'country:in']);
    expect(entries.find((e) => e.entity.id === 'country:br')?.declined?.source).toBe('dfi-launch');
    // The refusal is told there, not again as a group of its own.
    expect(find(answers, 'group:did-not-sign:initiative:dfi')).toBeUndefined();
  });

  it('names a recorded refusal even where the page does not name the Declaration', () => {
    const answers = pageAnswers(page('country:br', 'country:cn'));
    const outside = find(answers, 'outside:signed:initiative:dfi');
    expect(onPageIds(outside)).toEqual(['country:br', 'country:cn']);
    // Only China, which merely is not on the list: not worth an answer on a page about something else.
    expect(find(pageAnswers(page('country:cn')), 'outside:signed:initiative:dfi')).toBeUndefined();
    expect(find(pageAnswers(page('country:cn', 'initiative:dfi')), 'outside:signed:initiative:dfi')).toBeDefined();
  });

  it('finds the members of the Export Controls and Human Rights Initiative', () => {
    const answers = pageAnswers(page('country:dk', 'country:no', 'country:nl', 'country:cn'));
    const members = find(answers, 'group:member-of:initiative:echri');
    expect(onPageIds(members)?.sort()).toEqual(['country:dk', 'country:nl', 'country:no']);
    expect(members?.members.length).toBe(subjectsOf('member-of', 'initiative:echri').length);
    expect(members?.targetMentions).toBe(0);
  });

  it(`answers small groups (under ${MIN_LIST_SIZE}) only where the page names their target`, () => {
    // The Wassenaar Arrangement has two members in the documents, the Coalition one chair.
    expect(find(pageAnswers(page('country:ru')), 'group:member-of:initiative:wassenaar')).toBeUndefined();
    expect(
      onPageIds(find(pageAnswers(page('country:ru', 'initiative:wassenaar')), 'group:member-of:initiative:wassenaar')),
    ).toEqual(['country:ru']);
    expect(find(pageAnswers(page('country:us')), 'group:chairs:initiative:foc')).toBeUndefined();
    expect(onPageIds(find(pageAnswers(page('country:us', 'initiative:foc')), 'group:chairs:initiative:foc'))).toEqual([
      'country:us',
    ]);
  });

  it('gives no answer whose group has nobody on the page', () => {
    const answers = pageAnswers(page('initiative:foc', 'initiative:wassenaar', 'initiative:echri'));
    expect(answers).toEqual([]);
  });

  it('puts the answers about targets the page names first', () => {
    const answers = pageAnswers(page('country:dk', 'country:no', 'country:fr', 'country:us', 'initiative:echri'));
    expect(answers[0]?.target.id).toBe('initiative:echri');
    const dfi = answers.findIndex((a) => a.target.id === 'initiative:dfi');
    expect(dfi).toBeGreaterThan(0);
  });

  it('adds up repeated mentions of one entity', () => {
    const answers = pageAnswers([
      { entityId: 'country:us', count: 2 },
      { entityId: 'country:us', count: 3 },
    ]);
    expect(find(answers, 'group:signed:initiative:dfi')?.onPage).toEqual([
      { entity: getEntity('country:us'), count: 5 },
    ]);
  });

  it('derives answers from any relation data, not from a list of its own', () => {
    // Give the Freedom Online Coalition members, as a future version of the pack might.
    const foc = getEntity('initiative:foc') as Entity;
    const member = (id: string, name: string): Entity => ({
      id,
      type: 'country',
      name,
      aliases: [{ text: name, kind: 'name' }],
      roles: [{ text: 'A member.', source: 'voa-foc', quote: 'q' }],
      relations: [{ type: 'member-of', target: foc.id, source: 'voa-foc', quote: 'q' }],
    });
    const entities = [foc, member('country:x', 'Xland'), member('country:y', 'Yland'), member('country:z', 'Zland')];
    const answers = pageAnswers(page('country:x', 'country:z'), entities);
    expect(answers.map((a) => a.key)).toEqual(['group:member-of:initiative:foc']);
    expect(onPageIds(answers[0])).toEqual(['country:x', 'country:z']);
    expect(answers[0]?.members).toHaveLength(3);
  });

  it('always answers with exactly the group members on the page (property)', () => {
    const ids = pack.entities.map((e) => e.id);
    const groups = groupsOf(pack.entities);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 40, maxLength: 40 }),
        (chosen, counts) => {
          const mentions = chosen.map((entityId, i) => ({ entityId, count: counts[i] ?? 1 }));
          const on = new Set(chosen);
          for (const answer of pageAnswers(mentions)) {
            expect(answer.onPage.length).toBeGreaterThan(0);
            const listed = answer.onPage.map((e) => e.entity.id);
            expect(new Set(listed).size).toBe(listed.length);
            const group = groups.get(`${answer.relation}:${answer.target.id}`);
            const members = new Set(group?.members.map((m) => m.id));
            if (answer.kind === 'group') {
              expect(listed.sort()).toEqual([...members].filter((id) => on.has(id)).sort());
            } else {
              for (const id of listed) {
                expect(on.has(id) && !members.has(id) && getEntity(id)?.type === 'country').toBe(true);
              }
            }
            const sorted = answer.onPage.map((e) => e.count);
            expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
