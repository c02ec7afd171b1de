// What opens and closes the in-page card: resting the pointer on a highlight (not passing over
// it), focusing one (after a jump), Tab into the card and back, Esc, pointing or clicking away,
// scrolling. Every listener is tied to the content script's context, so a reloaded extension
// leaves none behind.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FLASH_CLASS } from '@/lib/settings/highlight-css';
import { type CardAnchor, deepActiveElement, type PageCardUi } from './card-api';
import { type Box, boxOf, headOf, isMark, piecesOf } from './mentions';

/** A pointer that rests this long on a highlight opens its card; a quick pass does not. */
export const HOVER_DELAY_MS = 300;
/** Time to move the pointer from the highlight into the card before it closes. */
export const CLOSE_GRACE_MS = 300;
const FLASH_MS = 1300;
/** A smooth scroll to a far mention is given this long to end before its card opens anyway. */
const SCROLL_WAIT_MS = 1500;
const SETTLE_STEP_MS = 60;

export function markAnchor(head: HTMLElement): CardAnchor {
  const pieces = piecesOf(head);
  return { pieces, box: () => boxOf(pieces) };
}

export class Interactions {
  private openTimer: number | undefined;
  private closeTimer: number | undefined;
  /** The mention the pointer rests on, waiting for its card. */
  private pending: HTMLElement | null = null;
  /** Marks we made focusable; they lose it again when focus leaves them. */
  private readonly focusable = new Set<HTMLElement>();
  private flashes = new Map<HTMLElement, number>();
  private jumpGeneration = 0;
  /** A jump's smooth scroll is under way. */
  private scrolling = false;
  /** Being focused by us to put focus back: its card must not open again from that. */
  private quiet: HTMLElement | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly card: PageCardUi,
  ) {}

  start(): void {
    const { ctx } = this;
    const passive = { passive: true, capture: true };
    ctx.addEventListener(document, 'mouseover', (event) => this.onPointerOver(event), passive);
    ctx.addEventListener(
      document,
      'mouseout',
      (event) => {
        // Left the window.
        if ((event as MouseEvent).relatedTarget === null) this.onPointerAway();
      },
      passive,
    );
    ctx.addEventListener(document, 'focusin', (event) => this.onFocusIn(event), { capture: true });
    // Focus that leaves for nowhere (Tab past the end, a click on plain text) has no focusin.
    ctx.addEventListener(document, 'focusout', () => this.ctx.setTimeout(() => this.afterFocusOut(), 0), {
      capture: true,
    });
    ctx.addEventListener(document, 'keydown', (event) => this.onKeyDown(event), { capture: true });
    ctx.addEventListener(
      document,
      'pointerdown',
      (event) => {
        if (!this.card.isOpen || this.card.contains(event)) return;
        const mark = markIn(event);
        if (mark && headOf(mark) === this.card.head) return;
        this.card.close();
      },
      passive,
    );
    ctx.addEventListener(
      window,
      'scroll',
      () => {
        if (this.card.isOpen && this.card.anchorMoved()) this.card.close();
      },
      passive,
    );
    ctx.addEventListener(window, 'resize', () => this.card.close(), { passive: true });
    ctx.onInvalidated(() => this.reset());
  }

  /** Forgets timers, flashes and the focusability we gave marks (when Gloss turns off). */
  reset(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.pending = null;
    for (const [mark, timer] of this.flashes) {
      clearTimeout(timer);
      mark.classList.remove(FLASH_CLASS);
    }
    this.flashes.clear();
    for (const mark of this.focusable) mark.removeAttribute('tabindex');
    this.focusable.clear();
    this.card.close();
  }

  /**
   * Gives a mark focus: it becomes focusable by script only (tabindex -1), never a tab stop.
   * Quietly: the focus event does not open its card (focus coming back from a closed card).
   */
  focusMark(mark: HTMLElement, quietly = false): void {
    if (!mark.hasAttribute('tabindex')) {
      mark.setAttribute('tabindex', '-1');
      this.focusable.add(mark);
    }
    this.quiet = quietly ? mark : null;
    try {
      mark.focus({ preventScroll: true });
    } finally {
      this.quiet = null;
    }
  }

  /** Brings a mention into view, flashes it, focuses it and opens its card. */
  async jumpTo(head: HTMLElement): Promise<void> {
    const generation = ++this.jumpGeneration;
    const pieces = piecesOf(head);
    this.card.close();
    // A jump still scrolling to the previous mention must be overtaken, even if this one is in
    // view now: its scroll would carry this mention away.
    if (this.scrolling || !inView(boxOf(pieces))) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      head.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
      if (smooth) {
        this.scrolling = true;
        await this.settle(pieces);
        if (generation === this.jumpGeneration) this.scrolling = false;
      }
    }
    if (generation !== this.jumpGeneration || this.ctx.isInvalid || !head.isConnected) return;
    this.flash(pieces);
    this.focusMark(head, true);
    // Opened here, not by the focus event: a page whose window is not focused (the popup is) gets none.
    await this.openFor(head, 'focus');
  }

  /**
   * Resolves once the mention is in view and has stopped moving (a smooth scroll has ended), or
   * after a while: its card must not open mid-scroll, where the scroll would close it again.
   */
  private async settle(pieces: readonly HTMLElement[]): Promise<void> {
    const deadline = performance.now() + SCROLL_WAIT_MS;
    let last = boxOf(pieces);
    while (performance.now() < deadline) {
      await new Promise((resolve) => this.ctx.setTimeout(() => resolve(null), SETTLE_STEP_MS));
      const now = boxOf(pieces);
      if (inView(now) && now?.top === last?.top && now?.left === last?.left) return;
      last = now;
    }
  }

  private flash(pieces: readonly HTMLElement[]): void {
    for (const piece of pieces) {
      clearTimeout(this.flashes.get(piece));
      piece.classList.remove(FLASH_CLASS);
      // Restarts the animation when the same mention is flashed twice in a row.
      void piece.offsetWidth;
      piece.classList.add(FLASH_CLASS);
      this.flashes.set(
        piece,
        this.ctx.setTimeout(() => {
          piece.classList.remove(FLASH_CLASS);
          this.flashes.delete(piece);
        }, FLASH_MS),
      );
    }
  }

  private async openFor(head: HTMLElement, mode: 'hover' | 'focus'): Promise<void> {
    if (this.card.isOpen && this.card.head === head) {
      // Focus outranks hover: a focused mark's card stays while focus does.
      if (mode === 'focus') this.card.mode = 'focus';
      return;
    }
    const entityId = head.getAttribute('data-entity');
    if (!entityId) return;
    await this.card.open({ kind: 'entity', entityId, trail: [] }, markAnchor(head), mode);
  }

  private onPointerOver(event: Event): void {
    // Asking is what makes an orphaned script (extension reloaded) clean up and stop.
    if (this.ctx.isInvalid) return;
    if (this.card.contains(event)) {
      clearTimeout(this.closeTimer);
      this.closeTimer = undefined;
      return;
    }
    const mark = markIn(event);
    // A button held down is a selection being dragged across the text, not a request for a card.
    if (!mark || (event as MouseEvent).buttons !== 0) {
      this.onPointerAway();
      return;
    }
    const head = headOf(mark);
    // Made ahead of need, so the card opens on time.
    this.card.prepare().catch(() => {});
    if (this.card.isOpen && this.card.head === head) {
      clearTimeout(this.closeTimer);
      this.closeTimer = undefined;
      clearTimeout(this.openTimer);
      this.pending = null;
      return;
    }
    if (this.pending === head) return;
    clearTimeout(this.openTimer);
    this.pending = head;
    this.openTimer = this.ctx.setTimeout(() => {
      this.pending = null;
      if (head.isConnected) void this.openFor(head, 'hover');
    }, HOVER_DELAY_MS);
  }

  private onPointerAway(): void {
    clearTimeout(this.openTimer);
    this.pending = null;
    if (!this.card.isOpen || this.card.mode !== 'hover' || this.closeTimer !== undefined) return;
    this.closeTimer = this.ctx.setTimeout(() => {
      this.closeTimer = undefined;
      if (this.card.mode !== 'hover' || this.card.isPointerInside || this.card.hasFocus) return;
      this.card.close();
    }, CLOSE_GRACE_MS);
  }

  private onFocusIn(event: Event): void {
    if (this.card.contains(event)) return;
    const target = event.composedPath()[0];
    if (isMark(target)) {
      if (target !== this.quiet) void this.openFor(headOf(target), 'focus');
      return;
    }
    this.focusLeft();
  }

  private afterFocusOut(): void {
    const active = deepActiveElement();
    // The window lost focus (the popup took it): the page's focus is still where it was.
    if (active && active !== document.body) return;
    if (this.card.hasFocus) return;
    this.focusLeft();
  }

  /** Focus went elsewhere in the page: marks we made focusable are plain text again. */
  private focusLeft(): void {
    for (const mark of this.focusable) mark.removeAttribute('tabindex');
    this.focusable.clear();
    if (this.card.isOpen && this.card.mode !== 'hover') this.card.close();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.card.isOpen || event.defaultPrevented) return;
    if (event.key === 'Escape') {
      this.card.close();
      return;
    }
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    const active = deepActiveElement();
    if (isMark(active) && headOf(active) === this.card.head) {
      event.preventDefault();
      this.card.mode = 'focus';
      this.card.focusInside();
    }
  }
}

function inView(box: Box | null): boolean {
  return (
    box !== null && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth
  );
}

/** The mark under an event, inside open shadow roots too; none inside our own UI. */
function markIn(event: Event): HTMLElement | null {
  for (const node of event.composedPath()) {
    if (isMark(node)) return node;
    if (node instanceof Element && node.hasAttribute('data-gloss-ui')) return null;
  }
  return null;
}
