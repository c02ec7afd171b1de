// What Gloss knows at run time: every enabled pack merged, with ids namespaced by pack, and the
// lookups the extension's pages and background need. Pure: no DOM, no browser API.
import type { MatcherAlias } from '../matcher/matcher';
import { aliasesOf, aliasIndexOf } from './alias-index';
import {
  BUNDLED_PACK_ID,
  type DocumentInfo,
  type Entity,
  type Pack,
  type PackDocument,
  type PackEvent,
  RELATION_TYPES,
  type RelationType,
} from './schema';
import { createEntitySearch, type EntitySearch } from './search';

/**
 * An entity's id once its pack is loaded: the bundled pack's ids as they are ("country:us"), an
 * imported pack's prefixed with the pack's id ("my-pack/person:jane-doe"), so two packs never clash.
 */
export function namespacedId(packId: string, id: string): string {
  return packId === BUNDLED_PACK_ID ? id : `${packId}/${id}`;
}

/** The pack an id as namespacedId writes it belongs to. */
export function packIdOf(entityId: string): string {
  const slash = entityId.indexOf('/');
  return slash < 0 ? BUNDLED_PACK_ID : entityId.slice(0, slash);
}

export interface RelationView {
  type: RelationType;
  /** "Signed", or "Signed by" when seen from the target. */
  phrase: string;
  other: Entity;
  source: string;
  quote: string;
}

/** An event of a pack, its entity ids namespaced, with the pack it comes from (its document's pack). */
export interface KnowledgeEvent extends PackEvent {
  packId: string;
}

/** A pack's entity with its id and its relations' targets namespaced. */
function namespaced(packId: string, entity: Entity): Entity {
  if (packId === BUNDLED_PACK_ID) return entity;
  return {
    ...entity,
    id: namespacedId(packId, entity.id),
    relations: entity.relations.map((r) => ({ ...r, target: namespacedId(packId, r.target) })),
  };
}

export class Knowledge {
  readonly packs: readonly Pack[];
  /** Every entity of every pack, ids namespaced, in pack order. */
  readonly entities: readonly Entity[];
  /** Every event of every pack, entity ids namespaced, in pack order. */
  readonly events: readonly KnowledgeEvent[];
  private readonly byId = new Map<string, Entity>();
  private readonly packById = new Map<string, Pack>();
  private readonly documents = new Map<string, PackDocument>();
  private relationIndex: Map<string, RelationView[]> | null = null;
  private entitySearch: EntitySearch | null = null;

  /** `packs` in order of precedence: a name two packs share goes to the first. */
  constructor(packs: readonly Pack[]) {
    this.packs = packs;
    const entities: Entity[] = [];
    const events: KnowledgeEvent[] = [];
    for (const pack of packs) {
      // Packs stored before events existed have none.
      for (const event of pack.events ?? []) {
        events.push({ ...event, packId: pack.id, entities: event.entities.map((id) => namespacedId(pack.id, id)) });
      }
      this.packById.set(pack.id, pack);
      for (const document of pack.documents) this.documents.set(`${pack.id}\n${document.id}`, document);
      for (const entity of pack.entities) {
        const loaded = namespaced(pack.id, entity);
        entities.push(loaded);
        this.byId.set(loaded.id, loaded);
      }
    }
    this.entities = entities;
    this.events = events;
  }

  getEntity(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  getPack(packId: string): Pack | undefined {
    return this.packById.get(packId);
  }

  /** The pack an entity comes from. */
  packOf(entityId: string): Pack | undefined {
    return this.packById.get(packIdOf(entityId));
  }

  getDocument(packId: string, documentId: string): PackDocument | undefined {
    return this.documents.get(`${packId}\n${documentId}`);
  }

  /** A document as the UI shows it in a citation: without its text. */
  documentInfo(packId: string, documentId: string): DocumentInfo | undefined {
    const document = this.getDocument(packId, documentId);
    if (!document) return undefined;
    const { text: _text, ...info } = document;
    return info;
  }

  /** What the documents say links this entity to others, in both directions. */
  relationsOf(id: string): RelationView[] {
    this.relationIndex ??= this.buildRelationIndex();
    return this.relationIndex.get(id) ?? [];
  }

  /** Every alias of every entity, as the matcher reads them. */
  matcherAliases(): MatcherAlias[] {
    return aliasesOf(aliasIndexOf(this.entities));
  }

  /**
   * Entities whose name, alias or role text matches the query, typos and missing accents
   * forgiven; names rank above aliases, aliases above role texts. The index is built on first use.
   */
  search(query: string, limit = 20): Entity[] {
    this.entitySearch ??= createEntitySearch(this.entities);
    return this.entitySearch.search(query, limit);
  }

  private buildRelationIndex(): Map<string, RelationView[]> {
    const index = new Map<string, RelationView[]>();
    const add = (id: string, view: RelationView) => {
      const list = index.get(id) ?? [];
      list.push(view);
      index.set(id, list);
    };
    for (const subject of this.entities) {
      for (const relation of subject.relations) {
        const target = this.byId.get(relation.target);
        if (!target) continue;
        const phrases = RELATION_TYPES[relation.type];
        const common = { type: relation.type, source: relation.source, quote: relation.quote };
        add(subject.id, { ...common, phrase: phrases.forward, other: target });
        add(target.id, { ...common, phrase: phrases.inverse, other: subject });
      }
    }
    return index;
  }
}
