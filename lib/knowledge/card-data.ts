// What an entity card shows, as plain data: computed where the packs are (popup, background) and
// sent to the content script, which carries no roles or quotes of its own. Pure.
import * as v from 'valibot';
import { type Knowledge, packIdOf } from './knowledge';
import { BUNDLED_PACK_ID, ENTITY_TYPES, RELATION_TYPES, type RelationType } from './schema';

const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as [RelationType, ...RelationType[]];
const Text = v.pipe(v.string(), v.maxLength(20_000));

/** A document a quote comes from, and the pack that holds it. */
export const CitedDocumentSchema = v.object({
  packId: Text,
  packName: Text,
  /** The bundled pack's documents need no pack named beside them. */
  bundled: v.boolean(),
  id: Text,
  title: Text,
  publisher: v.optional(Text),
  date: v.optional(Text),
});
export type CitedDocument = v.InferOutput<typeof CitedDocumentSchema>;

const EntityRefSchema = v.object({ id: Text, name: Text, type: v.picklist(ENTITY_TYPES) });
export type EntityRef = v.InferOutput<typeof EntityRefSchema>;

export const CardDataSchema = v.object({
  id: Text,
  /** The pack the entity comes from. */
  pack: v.object({ id: Text, name: Text, bundled: v.boolean() }),
  type: v.picklist(ENTITY_TYPES),
  name: Text,
  /** Every name of the entity, translations included: the words to keep in view in a long quote. */
  names: v.array(Text),
  /** The names a reader may meet in English text, besides the name itself. */
  otherNames: v.array(Text),
  roles: v.array(v.object({ text: Text, quote: Text, document: CitedDocumentSchema })),
  relations: v.array(
    v.object({
      type: v.picklist(RELATION_TYPE_NAMES),
      /** From the entity's side ("Signed") or from the other's ("Signed by"). */
      direction: v.picklist(['forward', 'inverse']),
      other: EntityRefSchema,
      quote: Text,
      document: CitedDocumentSchema,
    }),
  ),
});
export type CardData = v.InferOutput<typeof CardDataSchema>;
export type CardRelation = CardData['relations'][number];

/** A document of the pack an entity comes from, as a citation names it. */
export function citeDocument(knowledge: Knowledge, entityId: string, documentId: string): CitedDocument {
  const packId = packIdOf(entityId);
  const document = knowledge.documentInfo(packId, documentId);
  return {
    packId,
    packName: knowledge.getPack(packId)?.name ?? packId,
    bundled: packId === BUNDLED_PACK_ID,
    id: documentId,
    title: document?.title ?? documentId,
    publisher: document?.publisher,
    date: document?.date,
  };
}

export function cardDataOf(knowledge: Knowledge, id: string): CardData | null {
  const entity = knowledge.getEntity(id);
  if (!entity) return null;
  const cite = (documentId: string) => citeDocument(knowledge, id, documentId);
  const packId = packIdOf(id);
  return {
    id: entity.id,
    pack: { id: packId, name: knowledge.getPack(packId)?.name ?? packId, bundled: packId === BUNDLED_PACK_ID },
    type: entity.type,
    name: entity.name,
    names: [entity.name, ...entity.aliases.map((a) => a.text)],
    otherNames: entity.aliases
      .filter((a) => a.kind !== 'translation' && a.kind !== 'demonym' && a.text !== entity.name)
      .map((a) => a.text),
    roles: entity.roles.map((role) => ({ text: role.text, quote: role.quote, document: cite(role.source) })),
    relations: knowledge.relationsOf(entity.id).map((relation) => ({
      type: relation.type,
      direction: relation.phrase === RELATION_TYPES[relation.type].forward ? 'forward' : 'inverse',
      other: { id: relation.other.id, name: relation.other.name, type: relation.other.type },
      quote: relation.quote,
      // A relation's quote is from the pack of the entity that states it; both are of one pack.
      document: cite(relation.source),
    })),
  };
}
