// What the background accepts from runtime messages, and from whom. Checked here, acted on
// through the injected handlers, so the rules are testable without a browser.
import type { AliasIndex } from '@/lib/knowledge/alias-index';
import type { CardData } from '@/lib/knowledge/card-data';
import { type FramePart, type Message, type MessageError, messageType, parseMessage } from '@/lib/messages';

/** The parts of runtime.MessageSender we read (Chrome adds `origin`; Firefox may not). */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; index?: number; windowId?: number; url?: string };
}

/** A sender that is a tab: what the handlers need to act on the tab. */
export interface SenderTab {
  id: number;
  index?: number;
  windowId?: number;
}

export interface BackgroundHandlers {
  mentions(tab: SenderTab, message: Message<'page/mentions'>): Promise<void>;
  openDocument(tab: SenderTab, message: Message<'ui/open-document'>): Promise<void>;
  card(message: Message<'knowledge/card'>): Promise<CardData | null>;
  bundledAliases(): Promise<AliasIndex>;
  /** Runs a part of Gloss (the highlighter, the card) in the frame that asked. */
  loadPart(tab: SenderTab, frameId: number, part: FramePart): Promise<void>;
  /** A top frame with no name on it: the toolbar shows whether Gloss is on there. */
  quiet(tab: SenderTab, url: string): Promise<void>;
}

export interface MessageContext {
  extensionId: string;
  /** `browser.runtime.getURL('/')`: chrome-extension://ID/ or moz-extension://UUID/. */
  extensionOrigin: string;
}

/** The messages the background answers; the rest of the map is for content scripts. */
const HANDLED = [
  'page/mentions',
  'ui/open-document',
  'knowledge/card',
  'knowledge/bundled-aliases',
  'frame/load',
  'page/quiet',
] as const;
type HandledType = (typeof HANDLED)[number];

const isHandled = (type: string): type is HandledType => (HANDLED as readonly string[]).includes(type);

const isWebUrl = (url: string) => url.startsWith('http://') || url.startsWith('https://');

/**
 * Messages come only from this extension: its pages (the popup, the viewer) or its content
 * scripts in web pages. Content scripts also run in about:blank and srcdoc frames, which belong to
 * the web page that made them: Chrome names that page in `origin` (a sandboxed frame's is "null");
 * Firefox gives no origin, and then the tab must show a web page.
 */
export function isOwnSender(sender: Sender, context: MessageContext): boolean {
  if (sender.id !== context.extensionId || typeof sender.url !== 'string') return false;
  const { url } = sender;
  if (url.startsWith(context.extensionOrigin) || isWebUrl(url)) return true;
  if (url === 'about:blank' || url === 'about:srcdoc') {
    if (sender.origin !== undefined) return isWebUrl(sender.origin);
    return typeof sender.tab?.url === 'string' && isWebUrl(sender.tab.url);
  }
  return false;
}

const error = (text: string): MessageError => ({ error: text });

/**
 * The runtime.onMessage listener. Returns undefined (not handled: other listeners may answer) for
 * strangers and for messages that are not ours or not for the background. Every message it does
 * handle gets an answer: its response, or `{ error }` when malformed or when acting on it failed.
 * It never throws.
 */
export function createMessageHandler(
  context: MessageContext,
  handlers: BackgroundHandlers,
): (message: unknown, sender: Sender) => Promise<CardData | AliasIndex | null | MessageError> | undefined {
  return (message, sender) => {
    try {
      if (!isOwnSender(sender, context)) return undefined;
      const type = messageType(message);
      if (type === null || !isHandled(type)) return undefined;
      if (type === 'knowledge/card') {
        const parsed = parseMessage(message, type);
        if (!parsed) return Promise.resolve(error(`Malformed "${type}" message`));
        return handlers.card(parsed).catch(() => error('Could not read the knowledge packs'));
      }
      if (type === 'knowledge/bundled-aliases') {
        if (!parseMessage(message, type)) return Promise.resolve(error(`Malformed "${type}" message`));
        return handlers.bundledAliases().catch(() => error('Could not read the bundled pack'));
      }
      // The other messages are about the tab they come from: only a page in a tab can send them.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return Promise.resolve(error(`"${type}" must come from a page in a tab`));
      const tab: SenderTab = { id: tabId, index: sender.tab?.index, windowId: sender.tab?.windowId };
      switch (type) {
        case 'page/mentions': {
          const parsed = parseMessage(message, type);
          if (!parsed) return Promise.resolve(error(`Malformed "${type}" message`));
          // Frames highlight their own text; only the top frame speaks for the tab.
          if (sender.frameId !== 0) return Promise.resolve(error(`"${type}" must come from the top frame`));
          return handlers.mentions(tab, parsed).then(
            () => null,
            () => error('Could not update the toolbar button'),
          );
        }
        case 'frame/load': {
          const parsed = parseMessage(message, type);
          if (!parsed) return Promise.resolve(error(`Malformed "${type}" message`));
          // Only a content script in a web page's frame (or in an about:blank frame of one, as
          // isOwnSender checked) loads more of Gloss there; extension pages have all they need.
          if (sender.frameId === undefined || (sender.url ?? '').startsWith(context.extensionOrigin)) {
            return Promise.resolve(error(`"${type}" must come from a frame of a web page`));
          }
          return handlers.loadPart(tab, sender.frameId, parsed.part).then(
            () => null,
            () => error(`Could not load the ${parsed.part}`),
          );
        }
        case 'page/quiet': {
          if (!parseMessage(message, type)) return Promise.resolve(error(`Malformed "${type}" message`));
          if (sender.frameId !== 0 || typeof sender.tab?.url !== 'string') {
            return Promise.resolve(error(`"${type}" must come from the top frame`));
          }
          return handlers.quiet(tab, sender.tab.url).then(
            () => null,
            () => error('Could not update the toolbar button'),
          );
        }
        case 'ui/open-document': {
          const parsed = parseMessage(message, type);
          if (!parsed) return Promise.resolve(error(`Malformed "${type}" message`));
          return handlers.openDocument(tab, parsed).then(
            () => null,
            () => error('Could not open the document'),
          );
        }
      }
    } catch {
      // A getter on a hostile object could throw while reading it; the sender still gets an answer.
      return Promise.resolve(error('Malformed message'));
    }
  };
}
