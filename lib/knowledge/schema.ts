// The shape of a knowledge pack (docs/pack-format.md is written from it). Pure: no DOM, no browser API.
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

/** The value of a pack's `format` field: the version of this format a pack is written in. */
export const PACK_FORMAT = 'gloss-pack/1';

/** A pack's id: the namespace of its entities once imported (see namespacedId). */
export const PACK_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
/** The bundled pack's id. Its entities keep their ids unprefixed ("country:us"). */
export const BUNDLED_PACK_ID = 'gloss';

const DocumentMeta = {
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/), v.maxLength(80)),
  title: NonEmpty,
  publisher: v.optional(NonEmpty),
  author: v.optional(NonEmpty),
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as far as it is known. */
  date: v.optional(v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/))),
  dateNote: v.optional(NonEmpty),
  note: v.optional(NonEmpty),
  /** Where the document was published, for the reader's information only: Gloss never fetches it. */
  url: v.optional(v.pipe(v.string(), v.url())),
};

/** A document of a pack: its text, verbatim, which every quote of the pack is found in. */
export const DocumentSchema = v.strictObject({
  ...DocumentMeta,
  text: v.pipe(v.string(), v.minLength(1)),
});
export type PackDocument = v.InferOutput<typeof DocumentSchema>;
/** A document as data/knowledge.json names it: its text is the file of that name in data/sources/. */
export const BundledDocumentSchema = v.strictObject({
  ...DocumentMeta,
  file: v.pipe(v.string(), v.regex(/^[a-z0-9-]+\.txt$/)),
});
/** What the UI shows of a document, without its text. */
export type DocumentInfo = Omit<PackDocument, 'text'>;

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
  /** The id of the pack's document the quote is from. */
  source: NonEmpty,
  /** Verbatim from the source document. */
  quote: NonEmpty,
});
export type Role = v.InferOutput<typeof RoleSchema>;

export const RelationSchema = v.strictObject({
  type: v.picklist(RELATION_TYPE_NAMES),
  /** The id of another entity of the same pack. */
  target: NonEmpty,
  source: NonEmpty,
  quote: NonEmpty,
});
export type Relation = v.InferOutput<typeof RelationSchema>;

/** A date as far as a document gives it: a year, a month or a day (ISO 8601, `2021`, `2021-12`, `2021-12-10`). */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Something a document says happened at a date it gives: the timeline of the dossier page. The
 * date's form is its precision (a year, a month, a day), so it can never claim more than the text.
 */
export const EventSchema = v.strictObject({
  date: v.pipe(v.string(), v.regex(PARTIAL_DATE_PATTERN)),
  /** How the date follows from the document where the quote does not say it ("This year", "on Friday"). */
  dateNote: v.optional(NonEmpty),
  /** A short plain sentence: what happened. */
  text: NonEmpty,
  /** The ids of the pack's entities the event is about. */
  entities: v.pipe(v.array(NonEmpty), v.minLength(1)),
  source: NonEmpty,
  quote: NonEmpty,
});
export type PackEvent = v.InferOutput<typeof EventSchema>;
export type DatePrecision = 'year' | 'month' | 'day';

/** What a partial date says: a year, a month or a day. */
export function datePrecision(date: string): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** An entity's id inside its pack; its type decides the prefix (see ID_PREFIX). */
export const ENTITY_ID_PATTERN = /^(country|initiative|org|person):[a-z0-9-]+$/;
export const ID_PREFIX: Record<EntityType, string> = {
  country: 'country:',
  initiative: 'initiative:',
  organization: 'org:',
  official: 'person:',
};

export const EntitySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ENTITY_ID_PATTERN), v.maxLength(120)),
  type: v.picklist(ENTITY_TYPES),
  name: NonEmpty,
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1)),
  roles: v.pipe(v.array(RoleSchema), v.minLength(1)),
  relations: v.optional(v.array(RelationSchema), []),
});
export type Entity = v.InferOutput<typeof EntitySchema>;

const PackHeader = {
  format: v.literal(PACK_FORMAT),
  id: v.pipe(v.string(), v.regex(PACK_ID_PATTERN)),
  name: v.pipe(NonEmpty, v.maxLength(120)),
  /** The pack author's version of the pack, free-form ("1.0.0", "2026-12"). */
  version: v.pipe(NonEmpty, v.maxLength(40)),
  description: v.optional(v.pipe(NonEmpty, v.maxLength(2000))),
};

/** A knowledge pack: the file a user imports and exports (docs/pack-format.md). */
export const PackSchema = v.strictObject({
  ...PackHeader,
  documents: v.pipe(v.array(DocumentSchema), v.minLength(1)),
  entities: v.pipe(v.array(EntitySchema), v.minLength(1)),
  /** Dated events the documents state; a pack may have none. */
  events: v.optional(v.array(EventSchema)),
});
export type Pack = v.InferOutput<typeof PackSchema>;

/** data/knowledge.json: the bundled pack, its documents' texts kept as files beside it. */
export const BundledPackSchema = v.strictObject({
  ...PackHeader,
  documents: v.pipe(v.array(BundledDocumentSchema), v.minLength(1)),
  entities: v.pipe(v.array(EntitySchema), v.minLength(1)),
  events: v.optional(v.array(EventSchema)),
});
export type BundledPackFile = v.InferOutput<typeof BundledPackSchema>;
