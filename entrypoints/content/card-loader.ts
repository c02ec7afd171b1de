// The in-page card as the content script holds it before the card exists: its script (Preact, the
// card, its styles) is loaded into this frame by the background the first time a card is wanted
// (a highlight pointed at, focused or jumped to, a lookup), and everything is handed to it then.
// Until that, the card is closed and nothing of it is in the page.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardAnchor, CardDeps, CardMode, CardView, PageCardUi } from './card-api';
import { loadPart } from './parts';

/** Asks the background to run the card's script in this frame, once; resolves to what it left. */
const loadCardModule = () => loadPart('card', () => globalThis.glossCard);

export class LazyCard implements PageCardUi {
  private card: PageCardUi | null = null;
  private making: Promise<PageCardUi> | null = null;
  /** Bumped by every open and close: an open still waiting for the card's script gives up. */
  private generation = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly deps: CardDeps,
  ) {}

  private make(): Promise<PageCardUi> {
    this.making ??= loadCardModule().then(
      (module) => {
        this.card = module.create(this.ctx, this.deps);
        return this.card;
      },
      (error: unknown) => {
        this.making = null;
        throw error;
      },
    );
    return this.making;
  }

  get isOpen(): boolean {
    return this.card?.isOpen ?? false;
  }

  get mode(): CardMode | null {
    return this.card?.mode ?? null;
  }

  set mode(mode: CardMode | null) {
    if (this.card) this.card.mode = mode;
  }

  get head(): HTMLElement | null {
    return this.card?.head ?? null;
  }

  get host(): HTMLElement | null {
    return this.card?.host ?? null;
  }

  get isPointerInside(): boolean {
    return this.card?.isPointerInside ?? false;
  }

  get hasFocus(): boolean {
    return this.card?.hasFocus ?? false;
  }

  async prepare(): Promise<unknown> {
    return (await this.make()).prepare();
  }

  contains(event: Event): boolean {
    return this.card?.contains(event) ?? false;
  }

  async open(view: CardView, anchor: CardAnchor, mode: CardMode, options?: { focus?: boolean }): Promise<void> {
    const generation = ++this.generation;
    const card = this.card ?? (await this.make());
    if (generation !== this.generation || this.ctx.isInvalid) return;
    await card.open(view, anchor, mode, options);
  }

  close(): void {
    this.generation++;
    this.card?.close();
  }

  focusInside(): void {
    this.card?.focusInside();
  }

  anchorMoved(): boolean {
    return this.card?.anchorMoved() ?? false;
  }
}
