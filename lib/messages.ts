// The one typed map of messages between content script, background and popup. Pure.
import * as v from 'valibot';

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

export interface MessageMap {
  /** Popup → content script: what is highlighted on this page. */
  'page/get-state': { request: object; response: PageState };
  /** Content script → background: the page's mentions changed (for the toolbar badge). */
  'page/mentions': { request: { distinct: number; enabled: boolean }; response: null };
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T } & MessageMap[T]['request'];

const MessageSchemas = {
  'page/get-state': v.strictObject({ type: v.literal('page/get-state') }),
  'page/mentions': v.strictObject({
    type: v.literal('page/mentions'),
    distinct: v.pipe(v.number(), v.integer(), v.minValue(0)),
    enabled: v.boolean(),
  }),
} satisfies { [T in MessageType]: v.GenericSchema<unknown, Message<T>> };

/** The message if it is one of ours and well formed, else null. */
export function parseMessage<T extends MessageType>(value: unknown, type: T): Message<T> | null {
  const parsed = v.safeParse(MessageSchemas[type], value);
  return parsed.success ? (parsed.output as Message<T>) : null;
}

export function isMessageOfType(value: unknown, type: MessageType): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}
