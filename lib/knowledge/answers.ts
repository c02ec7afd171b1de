// Answers the documents make possible about one page: which signatories of the Declaration are
// on it, which of its countries did not sign, which members of an initiative it names... Derived
// from the pack's relations, never from lists written here. Pure: no DOM, no browser API.
import type { Mention } from '../messages';
import { pack } from './pack';
import type { Entity, EntityType, RelationType } from './schema';

/**
 * Relations that gather their subjects into a group around the target (its signatories, its
 * members, its founders...), in the order their answers are shown for one target.
 */
export const GROUP_RELATIONS = [
  'signed',
  'did-not-sign',
  'member-of',
  'founded',
  'launched',
  'chairs',
  'took-part-in',
  'criticised',
] as const satisfies readonly RelationType[];
export type GroupRelation = (typeof GROUP_RELATIONS)[number];

/**
 * Groups the documents list in full, so that a country outside the list is known not to belong;
 * each with the relation that records a refusal, when the documents name one.
 */
export const CLOSED_LISTS: Partial<Record<GroupRelation, GroupRelation>> = { signed: 'did-not-sign' };

/**
 * A group this small is a fact about its target ("chaired by the United States") rather than a
 * list to check the page against: it is answered only where the page names the target too.
 */
export const MIN_LIST_SIZE = 3;

export interface PageEntity {
  entity: Entity;
  /** Mentions on the page. */
  count: number;
}

export interface Evidence {
  source: string;
  quote: string;
}

interface AnswerBase {
  /** Stable across renders: `kind:relation:targetId`. */
  key: string;
  target: Entity;
  /** Mentions of the target itself on the page (0 when the page does not name it). */
  targetMentions: number;
  /** Everyone the documents put in the group, in the pack's order. */
  members: Entity[];
}

/** "Of the 62 signatories of the Declaration, these 5 are on this page." */
export interface GroupAnswer extends AnswerBase {
  kind: 'group';
  relation: GroupRelation;
  /** The members the page names, most mentioned first. */
  onPage: PageEntity[];
}

/** "Countries on this page that are not among the Declaration's signatories." */
export interface OutsideAnswer extends AnswerBase {
  kind: 'outside';
  /** The closed list the countries are outside of. */
  relation: GroupRelation;
  /** Countries on the page outside the list; `declined` cites the documents where they say so. */
  onPage: (PageEntity & { declined: Evidence | null })[];
}

export type Answer = GroupAnswer | OutsideAnswer;

interface Group {
  relation: GroupRelation;
  target: Entity;
  members: Entity[];
  evidence: Map<string, Evidence>;
}

const isGroupRelation = (type: RelationType): type is GroupRelation =>
  (GROUP_RELATIONS as readonly RelationType[]).includes(type);

/** Every group the pack's relations form, keyed `relation:targetId`. */
export function groupsOf(entities: readonly Entity[]): Map<string, Group> {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const groups = new Map<string, Group>();
  for (const subject of entities) {
    for (const relation of subject.relations) {
      const target = byId.get(relation.target);
      if (!target || target.id === subject.id || !isGroupRelation(relation.type)) continue;
      const key = `${relation.type}:${target.id}`;
      let group = groups.get(key);
      if (!group) {
        group = { relation: relation.type, target, members: [], evidence: new Map() };
        groups.set(key, group);
      }
      if (group.evidence.has(subject.id)) continue;
      group.members.push(subject);
      group.evidence.set(subject.id, { source: relation.source, quote: relation.quote });
    }
  }
  return groups;
}

/** How many of each type: { country: 61, organization: 1 }. */
export function countByType(entities: readonly Entity[]): Partial<Record<EntityType, number>> {
  const counts: Partial<Record<EntityType, number>> = {};
  for (const entity of entities) counts[entity.type] = (counts[entity.type] ?? 0) + 1;
  return counts;
}

const byMentions = (a: PageEntity, b: PageEntity) => b.count - a.count || a.entity.name.localeCompare(b.entity.name);

/**
 * The answers worth showing for a page with these mentions: each has at least one entity on the
 * page. Targets the page names come first, then those with more of their group on the page.
 */
export function pageAnswers(mentions: readonly Mention[], entities: readonly Entity[] = pack.entities): Answer[] {
  const counts = new Map<string, number>();
  for (const { entityId, count } of mentions) {
    if (count > 0) counts.set(entityId, (counts.get(entityId) ?? 0) + count);
  }
  if (counts.size === 0) return [];
  const onPage = (list: readonly Entity[]): PageEntity[] =>
    list
      .filter((entity) => counts.has(entity.id))
      .map((entity) => ({ entity, count: counts.get(entity.id) ?? 0 }))
      .sort(byMentions);

  const groups = groupsOf(entities);
  const answers: Answer[] = [];
  for (const group of groups.values()) {
    const { relation, target, members } = group;
    const targetMentions = counts.get(target.id) ?? 0;
    const refusal = CLOSED_LISTS[relation];
    const refused = refusal ? groups.get(`${refusal}:${target.id}`) : undefined;

    // A refusal of a closed list is told with the countries outside it, not on its own.
    const closedBy = Object.entries(CLOSED_LISTS).find(([, r]) => r === relation)?.[0];
    const foldedIntoOutside = closedBy !== undefined && groups.has(`${closedBy}:${target.id}`);
    const inGroup = onPage(members);
    if (!foldedIntoOutside && inGroup.length > 0 && (targetMentions > 0 || members.length >= MIN_LIST_SIZE)) {
      answers.push({
        kind: 'group',
        key: `group:${relation}:${target.id}`,
        relation,
        target,
        targetMentions,
        members,
        onPage: inGroup,
      });
    }

    if (refusal !== undefined && members.some((m) => m.type === 'country')) {
      const memberIds = new Set(members.map((m) => m.id));
      const outside = onPage(entities.filter((e) => e.type === 'country' && !memberIds.has(e.id))).map((entry) => ({
        ...entry,
        declined: refused?.evidence.get(entry.entity.id) ?? null,
      }));
      // Countries that merely are not on the list matter where the page is about the list; a
      // refusal the documents record matters wherever the country is named.
      if (outside.length > 0 && (targetMentions > 0 || outside.some((o) => o.declined))) {
        answers.push({
          kind: 'outside',
          key: `outside:${relation}:${target.id}`,
          relation,
          target,
          targetMentions,
          members,
          onPage: outside,
        });
      }
    }
  }
  return sortAnswers(answers);
}

function sortAnswers(answers: Answer[]): Answer[] {
  const weight = new Map<string, number>();
  for (const answer of answers) {
    weight.set(answer.target.id, (weight.get(answer.target.id) ?? 0) + answer.onPage.length);
  }
  const order = (answer: Answer) => {
    const at = GROUP_RELATIONS.indexOf(answer.relation as GroupRelation) * 2;
    // The countries outside a list follow the list's own answer.
    return answer.kind === 'outside' ? at + 1 : at;
  };
  return answers.sort(
    (a, b) =>
      Number(b.targetMentions > 0) - Number(a.targetMentions > 0) ||
      (weight.get(b.target.id) ?? 0) - (weight.get(a.target.id) ?? 0) ||
      a.target.name.localeCompare(b.target.name) ||
      order(a) - order(b),
  );
}
