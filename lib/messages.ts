// The one typed map of messages between content script, background and popup. Pure.
import * as v from 'valibot';
import type { AliasIndex } from './knowledge/alias-index';
import type { CardData } from './knowledge/card-data';

export interface Mention {
  entityId: string;
  count: number;
}

export interface PageState {
  url: string;
  /** The host the site switch applies to; null where Gloss never runs. */
  site: string | null;
  enabled: boolean;
  mentions: Mention[];
}

export interface JumpResult {
  entityId: string;
  /** 1-based position of the mention now in view, among `total` mentions of that entity (or of all). */
  index: number;
  total: number;
}

/** What a receiver answers to a message it will not handle: never a throw, never silence. */
export interface MessageError {
  error: string;
}

/** The parts of Gloss a frame loads only when it needs them (see 'frame/load'). */
export const FRAME_PARTS = ['highlighter', 'card', 'matcher'] as const;
export type FramePart = (typeof FRAME_PARTS)[number];

export interface MessageMap {
  /** Popup → content script (top frame): what is highlighted on this page. */
  'page/get-state': { request: object; response: PageState };
  /**
   * Popup or background → content script: scroll to the next or previous mention (of one entity,
   * or of any when entityId is null), flash it and focus it. Null when there is none.
   */
  'page/jump': { request: { entityId: string | null; direction: 'next' | 'prev' }; response: JumpResult | null };
  /**
   * Background → content script: open the in-page card of `entityId`, the best match the packs
   * have for this selected text (context menu), or say that nothing matches it when null.
   */
  'page/lookup': { request: { text: string; entityId: string | null }; response: { entityId: string | null } };
  /**
   * Content script → background: what the card of an entity shows (roles, quotes, relations).
   * Content scripts carry only the names they match; the knowledge stays with the background.
   * Null when no enabled pack has the entity.
   */
  'knowledge/card': { request: { entityId: string }; response: CardData | null };
  /**
   * Content script → background: the bundled pack's alias index, when the stored copy is missing
   * or of another version (the first page after an install or update); the background stores it.
   */
  'knowledge/bundled-aliases': { request: object; response: AliasIndex };
  /**
   * Content script → background: run a part of Gloss in the sender's frame, the first time that
   * frame needs it, so that no frame parses code it does not need: the highlighter (asked by the
   * probe, which every frame runs) or the in-page card (asked by the highlighter).
   */
  'frame/load': { request: { part: FramePart }; response: null };
  /**
   * Probe → background: this top frame holds no name (yet), so no highlighter reports for it;
   * the toolbar shows whether Gloss is on for the tab's address, with no count.
   */
  'page/quiet': { request: object; response: null };
  /** Content script → background: the page's mentions changed (for the toolbar badge and icon). */
  'page/mentions': { request: { distinct: number; enabled: boolean }; response: null };
  /** Content script → background: open the document viewer at a quote (pages cannot open extension pages). */
  'ui/open-document': { request: { packId: string; sourceId: string; quote: string }; response: null };
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T } & MessageMap[T]['request'];
export type MessageResponse<T extends MessageType> = MessageMap[T]['response'];

const Id = v.pipe(v.string(), v.maxLength(200));
/** Selections can be long; a lookup only needs the start. */
export const MAX_LOOKUP_TEXT = 2000;

const MessageSchemas = {
  'page/get-state': v.strictObject({ type: v.literal('page/get-state') }),
  'page/jump': v.strictObject({
    type: v.literal('page/jump'),
    entityId: v.nullable(Id),
    direction: v.picklist(['next', 'prev']),
  }),
  'page/lookup': v.strictObject({
    type: v.literal('page/lookup'),
    text: v.pipe(v.string(), v.maxLength(MAX_LOOKUP_TEXT)),
    entityId: v.nullable(Id),
  }),
  'knowledge/card': v.strictObject({ type: v.literal('knowledge/card'), entityId: Id }),
  'frame/load': v.strictObject({ type: v.literal('frame/load'), part: v.picklist(FRAME_PARTS) }),
  'page/quiet': v.strictObject({ type: v.literal('page/quiet') }),
  'knowledge/bundled-aliases': v.strictObject({ type: v.literal('knowledge/bundled-aliases') }),
  'page/mentions': v.strictObject({
    type: v.literal('page/mentions'),
    distinct: v.pipe(v.number(), v.integer(), v.minValue(0)),
    enabled: v.boolean(),
  }),
  'ui/open-document': v.strictObject({
    type: v.literal('ui/open-document'),
    packId: Id,
    sourceId: Id,
    quote: v.pipe(v.string(), v.maxLength(10_000)),
  }),
} satisfies { [T in MessageType]: v.GenericSchema<unknown, Message<T>> };

/** The message if it is one of ours and well formed, else null. */
export function parseMessage<T extends MessageType>(value: unknown, type: T): Message<T> | null {
  const parsed = v.safeParse(MessageSchemas[type], value);
  return parsed.success ? (parsed.output as Message<T>) : null;
}

/** Any well-formed message of ours, or null. */
export function parseAnyMessage(value: unknown): Message | null {
  const type = messageType(value);
  return type === null ? null : parseMessage(value, type);
}

/** The message's type if it names one of ours (its payload still unchecked). */
export function messageType(value: unknown): MessageType | null {
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(MessageSchemas, type) ? (type as MessageType) : null;
}

export function isMessageOfType(value: unknown, type: MessageType): boolean {
  return messageType(value) === type;
}
