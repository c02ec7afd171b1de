// What the content script and the in-page card (entrypoints/card, loaded into the page's frame
// only when a card is first needed) know of each other. The card's code and styles stay out of
// the content script, which every frame of every page loads.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardData, CitedDocument } from '@/lib/knowledge/card-data';
import type { Box } from './mentions';

/** How the card was opened decides what closes it. */
export type CardMode = 'hover' | 'focus' | 'lookup';

export type CardView =
  | {
      kind: 'entity';
      entityId: string;
      /** The entities this card showed before, most recent last (links followed inside it). */
      trail: string[];
    }
  | { kind: 'nothing'; text: string };

export interface CardAnchor {
  /** The marks of the mention the card is about; null for a looked-up selection. */
  pieces: HTMLElement[] | null;
  /** Where the anchor is now, in viewport pixels; null once it is gone. */
  box(): Box | null;
}

export interface CardDeps {
  mentionsOf(entityId: string): number | undefined;
  openDocument(document: CitedDocument, quote: string): void;
  /** Gives a mark focus (it is not focusable by itself). */
  focusMark(mark: HTMLElement): void;
  /** What an entity's card shows, from the background, which holds the packs. */
  cardData(entityId: string): Promise<CardData | null>;
}

/** The card as the content script drives it. */
export interface PageCardUi {
  readonly isOpen: boolean;
  mode: CardMode | null;
  /** The first mark of the mention the open card is about. */
  readonly head: HTMLElement | null;
  readonly host: HTMLElement | null;
  readonly isPointerInside: boolean;
  /** Focus is somewhere in the card. */
  readonly hasFocus: boolean;
  /** Makes the UI ahead of need, so the first card opens without delay. */
  prepare(): Promise<unknown>;
  /** The event happened in the card. */
  contains(event: Event): boolean;
  open(view: CardView, anchor: CardAnchor, mode: CardMode, options?: { focus?: boolean }): Promise<void>;
  close(): void;
  /** Tab from a focused mark: into the card. */
  focusInside(): void;
  /** The anchor moved (the page scrolled under the card) or went away. */
  anchorMoved(): boolean;
}

/** What the card's script leaves in the content script's world once it has run. */
export interface CardModule {
  create(ctx: ContentScriptContext, deps: CardDeps): PageCardUi;
}

declare global {
  // A global of the content script's isolated world, set by the card's script.
  var glossCard: CardModule | undefined;
}

/** The focused element, inside open shadow roots too. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
