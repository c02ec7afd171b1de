// The in-page card's life: a closed shadow root that page CSS and scripts cannot reach, created on
// first use, put on the page while the card is open and taken off when it closes, placed next to
// what it is about without covering it.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import entityCardCss from '@/components/entity-card.css?inline';
import type { CardAnchor, CardDeps, CardMode, CardView, PageCardUi } from '@/entrypoints/content/card-api';
import { deepActiveElement } from '@/entrypoints/content/card-api';
import type { Box } from '@/entrypoints/content/mentions';
import { UI_ATTRIBUTE } from '@/lib/annotator/dom-contract';
import { localize, t } from '@/lib/i18n';
import type { CardData } from '@/lib/knowledge/card-data';
import { focusables, PageCard } from './card';
import cardCss from './card.css?inline';
import { placeCard } from './placement';

/** The card's styles, for its shadow root only: never in the page. */
const CARD_CSS = `${entityCardCss}\n${cardCss}`.replaceAll(':root', ':host');

interface OpenCard {
  view: CardView;
  anchor: CardAnchor;
  mode: CardMode;
  placed: Box | null;
  /** What had focus before a looked-up card took it. */
  returnFocus: HTMLElement | null;
}

/** A "nothing matches" message goes away by itself after this long, unless pointed at or focused. */
const NOTHING_TIMEOUT_MS = 6000;
/** Moves smaller than this (sub-pixel layout, a scrollbar appearing) do not close the card. */
const MOVE_TOLERANCE = 2;

export class CardUi implements PageCardUi {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private creating: Promise<ShadowRootContentScriptUi<void>> | null = null;
  private card: OpenCard | null = null;
  /** Bumped on every open and close: an open still waiting for the UI to be made gives up. */
  private generation = 0;
  private pointerInside = false;
  private resize: ResizeObserver | null = null;
  private dismissTimer: number | undefined;
  /** Cards already asked for: back and forth inside the card asks once per entity. */
  private readonly cards = new Map<string, Promise<CardData | null>>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly deps: CardDeps,
  ) {
    ctx.onInvalidated(() => {
      this.card = null;
      this.resize?.disconnect();
      clearTimeout(this.dismissTimer);
    });
  }

  /** Makes the UI ahead of need (its CSS is read once), so the first card opens without delay. */
  prepare(): Promise<ShadowRootContentScriptUi<void>> {
    this.creating ??= createShadowRootUi<void>(this.ctx, {
      name: 'gloss-card',
      css: CARD_CSS,
      // Outside <body>: pages that transform or re-render the body leave the card alone.
      position: 'inline',
      anchor: document.documentElement,
      append: 'last',
      // Page scripts cannot read or restyle what is inside; our code keeps the reference.
      mode: 'closed',
      // Keys typed in the card never reach the page's own shortcuts.
      isolateEvents: true,
      onMount: () => {},
      onRemove: () => {
        if (this.ui) render(null, this.ui.uiContainer);
      },
    }).then((ui) => {
      ui.shadowHost.setAttribute(UI_ATTRIBUTE, '');
      // The card speaks Gloss's language, whatever the page's is (screen readers, hyphenation).
      localize(ui.uiContainer);
      ui.shadowHost.addEventListener('pointerenter', () => {
        this.pointerInside = true;
      });
      ui.shadowHost.addEventListener('pointerleave', () => {
        this.pointerInside = false;
      });
      this.ui = ui;
      return ui;
    });
    return this.creating;
  }

  get isOpen(): boolean {
    return this.card !== null;
  }

  get mode(): CardMode | null {
    return this.card?.mode ?? null;
  }

  set mode(mode: CardMode | null) {
    if (this.card && mode) this.card.mode = mode;
  }

  /** The first mark of the mention the open card is about. */
  get head(): HTMLElement | null {
    return this.card?.anchor.pieces?.[0] ?? null;
  }

  get host(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  get isPointerInside(): boolean {
    return this.pointerInside;
  }

  /** Focus is somewhere in the card. */
  get hasFocus(): boolean {
    return Boolean(this.card && this.ui?.shadow.activeElement);
  }

  /** The event happened in the card (events from a closed shadow root reach the page as its host). */
  contains(event: Event): boolean {
    const host = this.host;
    return host !== null && event.composedPath().includes(host);
  }

  async open(view: CardView, anchor: CardAnchor, mode: CardMode, options: { focus?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    const returnFocus = this.card?.returnFocus ?? (mode === 'lookup' ? deepActiveElement() : null);
    const [ui] = await Promise.all([this.prepare(), view.kind === 'entity' ? this.dataOf(view.entityId) : null]);
    if (generation !== this.generation || this.ctx.isInvalid) return;
    this.describeAnchor(false);
    this.card = { view, anchor, mode, placed: null, returnFocus };
    if (!ui.shadowHost.isConnected) ui.mount();
    this.update();
    if (!this.card) return;
    this.describeAnchor(true);
    if (options.focus) this.focusDialog();
    clearTimeout(this.dismissTimer);
    if (view.kind === 'nothing') this.armDismiss();
  }

  /** Closes the card; focus that was in it goes back to what it was about. */
  close(): void {
    this.generation++;
    const card = this.card;
    if (!card) return;
    const hadFocus = this.hasFocus;
    this.describeAnchor(false);
    this.card = null;
    clearTimeout(this.dismissTimer);
    this.resize?.disconnect();
    this.pointerInside = false;
    this.ui?.remove();
    if (!hadFocus) return;
    const head = card.anchor.pieces?.[0];
    if (head?.isConnected) this.deps.focusMark(head);
    else if (card.returnFocus?.isConnected) card.returnFocus.focus({ preventScroll: true });
  }

  /** Tab from a focused mark: into the card. */
  focusInside(): void {
    const dialog = this.dialog();
    if (!dialog) return;
    (focusables(dialog)[0] ?? dialog).focus({ preventScroll: true });
  }

  /** The anchor moved (the page scrolled under the card) or went away. */
  anchorMoved(): boolean {
    const card = this.card;
    if (!card?.placed) return false;
    const now = card.anchor.box();
    if (!now) return true;
    return (
      Math.abs(now.top - card.placed.top) > MOVE_TOLERANCE || Math.abs(now.left - card.placed.left) > MOVE_TOLERANCE
    );
  }

  private dialog(): HTMLElement | null {
    return this.ui?.uiContainer.querySelector<HTMLElement>('.gloss-page-card') ?? null;
  }

  private focusDialog(): void {
    this.dialog()?.focus({ preventScroll: true });
  }

  /** An entity's card data, asked for once; a failed ask (the extension reloaded) is asked again later. */
  private dataOf(entityId: string): Promise<CardData | null> {
    let data = this.cards.get(entityId);
    if (!data) {
      data = this.deps.cardData(entityId).then(
        (card) => {
          this.loaded.set(entityId, card);
          return card;
        },
        () => {
          this.cards.delete(entityId);
          return null;
        },
      );
      this.cards.set(entityId, data);
    }
    return data;
  }

  /** Card data at hand, for drawing without waiting. */
  private readonly loaded = new Map<string, CardData | null>();

  private async navigate(entityId: string): Promise<void> {
    const card = this.card;
    if (card?.view.kind !== 'entity' || entityId === card.view.entityId) return;
    const generation = this.generation;
    await this.dataOf(entityId);
    if (generation !== this.generation || this.card !== card || card.view.kind !== 'entity') return;
    card.view = { kind: 'entity', entityId, trail: [...card.view.trail, card.view.entityId] };
    this.update();
    // The link that was clicked is gone; the dialog, now named after the new entity, takes focus.
    this.focusDialog();
  }

  private back(): void {
    const card = this.card;
    if (card?.view.kind !== 'entity') return;
    const previous = card.view.trail[card.view.trail.length - 1];
    if (!previous) return;
    card.view = { kind: 'entity', entityId: previous, trail: card.view.trail.slice(0, -1) };
    this.update();
    this.focusDialog();
  }

  private leave(direction: 'backward' | 'forward'): void {
    const card = this.card;
    if (!card) return;
    const head = card.anchor.pieces?.[0];
    if (head?.isConnected && direction === 'backward') {
      // Back on the mark, the card stays open: Tab goes in again.
      card.mode = 'focus';
      this.deps.focusMark(head);
      return;
    }
    // Off the end: the card closes, focus is on the mark (or where it was), and Tab goes on from there.
    this.close();
  }

  private update(): void {
    const ui = this.ui;
    const card = this.card;
    if (!ui || !card) return;
    const { view } = card;
    const back = view.kind === 'entity' ? view.trail[view.trail.length - 1] : undefined;
    render(
      <PageCard
        view={view}
        card={view.kind === 'entity' ? (this.loaded.get(view.entityId) ?? null) : null}
        backName={back ? (this.loaded.get(back)?.name ?? back) : null}
        mentions={view.kind === 'entity' ? this.deps.mentionsOf(view.entityId) : undefined}
        onOpenEntity={(id) => void this.navigate(id)}
        onBack={() => this.back()}
        onClose={() => this.close()}
        onOpenDocument={(document, quote) => this.deps.openDocument(document, quote)}
        onLeaveBackward={() => this.leave('backward')}
        onLeaveForward={() => this.leave('forward')}
      />,
      ui.uiContainer,
    );
    this.place();
    // Content that grows by itself (a <details> opened, a folded list shown) moves the card too.
    this.resize?.disconnect();
    const content = this.dialog()?.querySelector('.gloss-page-card-body > *');
    if (content && typeof ResizeObserver !== 'undefined') {
      let first = true;
      this.resize = new ResizeObserver(() => {
        // The first call only reports the size the card was just placed with.
        if (first) first = false;
        else this.place();
      });
      this.resize.observe(content);
    }
  }

  private place(): void {
    const card = this.card;
    const dialog = this.dialog();
    const body = dialog?.querySelector<HTMLElement>('.gloss-page-card-body');
    if (!card || !dialog || !body) return;
    const box = card.anchor.box();
    if (!box) {
      this.close();
      return;
    }
    // Measured at the size the stylesheet allows, then fitted to the room there is.
    dialog.style.maxHeight = '';
    dialog.style.width = '';
    const cap = Number.parseFloat(getComputedStyle(dialog).maxHeight) || Number.POSITIVE_INFINITY;
    const natural = dialog.offsetHeight - body.clientHeight + body.scrollHeight;
    const placement = placeCard(box, { width: dialog.offsetWidth, height: Math.min(natural, cap) }, viewportSize());
    dialog.style.left = `${placement.left}px`;
    dialog.style.top = `${placement.top}px`;
    dialog.style.width = `${placement.width}px`;
    dialog.style.maxHeight = `${Math.min(cap, placement.maxHeight)}px`;
    dialog.dataset.side = placement.side;
    card.placed = box;
  }

  private describeAnchor(on: boolean): void {
    const head = this.card?.anchor.pieces?.[0];
    if (!head) return;
    // Said on the focused mark while its card is open, since an id reference cannot reach the card.
    if (on) head.setAttribute('aria-description', t('cardAnchorDescription'));
    else head.removeAttribute('aria-description');
  }

  private armDismiss(): void {
    this.dismissTimer = this.ctx.setTimeout(() => {
      if (this.card?.view.kind !== 'nothing') return;
      if (this.pointerInside || this.hasFocus) this.armDismiss();
      else this.close();
    }, NOTHING_TIMEOUT_MS);
  }
}

/** The viewport without its scrollbars, which the card must not cover either. */
function viewportSize(): { width: number; height: number } {
  const root = document.documentElement;
  if (document.compatMode === 'CSS1Compat' && root.clientWidth > 0) {
    return { width: root.clientWidth, height: root.clientHeight };
  }
  return { width: window.innerWidth, height: window.innerHeight };
}
