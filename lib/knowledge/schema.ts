// The shape of data/knowledge.json. Pure: no DOM, no browser API.
import * as v from 'valibot';

export const ENTITY_TYPES = ['country', 'initiative', 'organization', 'official'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How an alias may be used by the matcher.
 * - name: a full or official name ("United States", "Antony Blinken"); always matched.
 * - acronym: letters in their own case ("US", "U.S.", "OECD"); always matched, case-sensitive.
 * - short: a short form that is unambiguous on its own ("America", "Britain", "Blinken"); always matched.
 * - title: a title plus surname ("Secretary Blinken", "Ms Power"); always matched.
 * - reference: only after the entity's name appeared earlier in the same page, and not where the
 *   word reads as an ordinary word (a surname that is also a common word or a common name, such as
 *   "Power", "Price" or "Zhao"; "Coalition", "Declaration").
 * - capital: a capital standing for its government ("Beijing", "Moscow"); matched, documented choice.
 * - demonym: an adjective or demonym ("Chinese", "Dutch"); off unless the user enables demonyms.
 * - translation: the name in another language; carries `lang`.
 */
export const ALIAS_KINDS = [
  'name',
  'acronym',
  'short',
  'title',
  'reference',
  'capital',
  'demonym',
  'translation',
] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

/**
 * Relations the documents state, from the subject's point of view.
 * Each has a phrase for the subject's card and one for the target's card.
 */
export const RELATION_TYPES = {
  signed: { forward: 'Signed', inverse: 'Signed by' },
  'did-not-sign': { forward: 'Did not sign', inverse: 'Not signed by' },
  'member-of': { forward: 'Member of', inverse: 'Members' },
  chairs: { forward: 'Chairs', inverse: 'Chaired by' },
  founded: { forward: 'Founded', inverse: 'Founded by' },
  launched: { forward: 'Launched', inverse: 'Launched by' },
  criticised: { forward: 'Criticised', inverse: 'Criticised by' },
  'spokesperson-of': { forward: 'Spokesperson of', inverse: 'Spokesperson' },
  leads: { forward: 'Leads', inverse: 'Led by' },
  'works-for': { forward: 'Works for', inverse: 'People' },
  'part-of': { forward: 'Part of', inverse: 'Includes' },
  restricted: { forward: 'Placed restrictions on', inverse: 'Restricted by' },
  hosted: { forward: 'Hosted', inverse: 'Hosted by' },
  'took-part-in': { forward: 'Took part in', inverse: 'Participants' },
} as const;
export type RelationType = keyof typeof RELATION_TYPES;
const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as [RelationType, ...RelationType[]];

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));

export const SourceSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  file: v.pipe(v.string(), v.regex(/^[a-z0-9-]+\.txt$/)),
  title: NonEmpty,
  publisher: NonEmpty,
  author: v.optional(NonEmpty),
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as far as it is known. */
  date: v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)),
  dateNote: v.optional(NonEmpty),
  note: v.optional(NonEmpty),
});
export type Source = v.InferOutput<typeof SourceSchema>;

export const AliasSchema = v.strictObject({
  text: NonEmpty,
  kind: v.picklist(ALIAS_KINDS),
  /** BCP 47 tag, required for translations. */
  lang: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/))),
  /** Set on every entity that shares this alias text with another entity. */
  ambiguous: v.optional(v.literal(true)),
});
export type Alias = v.InferOutput<typeof AliasSchema>;

export const RoleSchema = v.strictObject({
  /** A short plain sentence about the entity's role in the documents. */
  text: NonEmpty,
  source: NonEmpty,
  /** Verbatim from the source document. */
  quote: NonEmpty,
});
export type Role = v.InferOutput<typeof RoleSchema>;

export const RelationSchema = v.strictObject({
  type: v.picklist(RELATION_TYPE_NAMES),
  target: NonEmpty,
  source: NonEmpty,
  quote: NonEmpty,
});
export type Relation = v.InferOutput<typeof RelationSchema>;

export const EntitySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^(country|initiative|org|person):[a-z0-9-]+$/)),
  type: v.picklist(ENTITY_TYPES),
  name: NonEmpty,
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1)),
  roles: v.pipe(v.array(RoleSchema), v.minLength(1)),
  relations: v.optional(v.array(RelationSchema), []),
});
export type Entity = v.InferOutput<typeof EntitySchema>;

export const KnowledgePackSchema = v.strictObject({
  version: v.literal(1),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
  entities: v.pipe(v.array(EntitySchema), v.minLength(1)),
});
export type KnowledgePack = v.InferOutput<typeof KnowledgePackSchema>;
