// Follows open shadow roots, which a tree walker does not enter: each gets an annotator of its own
// (with the highlight styles adopted), including roots that custom elements attach late.
import { isExcludedElement, isInsideExcluded } from './elements';

/**
 * When custom elements read without a shadow root are looked at again, after the page last
 * changed: a page that defines its elements late attaches their shadow roots then, and no mutation
 * record tells. After the last delay they are looked at again only when the page changes.
 */
const LATE_SHADOW_DELAYS_MS = [500, 2000, 8000, 30000];

/** What the annotator of a shadow root does for the annotator of the page around it. */
export interface ShadowAnnotator {
  start(): Promise<void>;
  stop(): void;
  idle(): Promise<void>;
  mentions(): Map<string, number>;
  revealAll(): Promise<void>;
  hasUnwritten(): boolean;
  unwrittenIn(text: Text): readonly string[] | undefined;
  revealRun(text: Text): Promise<void>;
}

export interface ShadowsOptions {
  /** Makes the annotator of a shadow root. */
  annotatorFor: (shadow: ShadowRoot) => ShadowAnnotator;
  /** The highlight styles, adopted by open shadow roots, which the page's styles do not reach. */
  styles: string | undefined;
  /** Whether the annotator is watching the page: shadow roots are entered only then. */
  watching: () => boolean;
}

export class Shadows {
  /** One annotator per open shadow root met on the page, each with its own observer. */
  private readonly entered = new Map<ShadowRoot, { annotator: ShadowAnnotator; sheet: CSSStyleSheet | null }>();
  /**
   * Custom elements read without a shadow root (see LATE_SHADOW_DELAYS_MS). Only custom elements:
   * they are what a page upgrades late, and watching every div of a long page would cost too much.
   */
  private readonly shadowless = new Set<Element>();
  private lateCheck: { timer: ReturnType<typeof setTimeout>; step: number } | null = null;

  constructor(
    private readonly root: Element | Document | ShadowRoot,
    private readonly options: ShadowsOptions,
  ) {}

  private get annotators(): ShadowAnnotator[] {
    return [...this.entered.values()].map(({ annotator }) => annotator);
  }

  /** An element met while reading: its open shadow root is entered, or it is looked at again later. */
  readHost(el: Element): void {
    if (!this.options.watching()) return;
    if (el.shadowRoot) {
      if (!this.entered.has(el.shadowRoot)) this.enter(el.shadowRoot);
    } else if (el.localName.includes('-')) {
      this.shadowless.add(el);
      this.pageChanged();
    }
  }

  /** Looks at the shadowless custom elements again soon: the page is changing, or new ones were read. */
  pageChanged(): void {
    if (this.lateCheck?.step === 0 || this.shadowless.size === 0) return;
    if (this.lateCheck) clearTimeout(this.lateCheck.timer);
    this.scheduleLateCheck(0);
  }

  /** Stops looking for late shadow roots. */
  stopWatching(): void {
    if (this.lateCheck) clearTimeout(this.lateCheck.timer);
    this.lateCheck = null;
    this.shadowless.clear();
  }

  /** Stops every shadow root's annotator, and takes our styles out of the roots. */
  stop(): void {
    this.stopWatching();
    for (const [shadow, { annotator, sheet }] of this.entered) {
      annotator.stop();
      if (sheet) shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    this.entered.clear();
  }

  async idle(): Promise<void> {
    await Promise.all(this.annotators.map((annotator) => annotator.idle()));
  }

  async revealAll(): Promise<void> {
    await Promise.all(this.annotators.map((annotator) => annotator.revealAll()));
  }

  /** Adds the mentions found in every shadow root, per entity, to `counts`. */
  addMentions(counts: Map<string, number>): void {
    for (const annotator of this.annotators) {
      for (const [id, count] of annotator.mentions()) counts.set(id, (counts.get(id) ?? 0) + count);
    }
  }

  hasUnwritten(): boolean {
    return this.annotators.some((annotator) => annotator.hasUnwritten());
  }

  /** The annotator of the shadow root `text` is in, when it is one of ours (not the root itself). */
  annotatorOf(text: Text): ShadowAnnotator | undefined {
    if (this.entered.size === 0) return undefined;
    const root = text.getRootNode();
    return root instanceof ShadowRoot && root !== this.root ? this.entered.get(root)?.annotator : undefined;
  }

  /** Whether `text` lies in a shadow root inside ours (entered or not). */
  isInside(text: Text): boolean {
    const root = text.getRootNode();
    return root instanceof ShadowRoot && root !== this.root;
  }

  private enter(shadow: ShadowRoot): void {
    const annotator = this.options.annotatorFor(shadow);
    const { styles } = this.options;
    let sheet: CSSStyleSheet | null = null;
    if (styles && typeof CSSStyleSheet !== 'undefined' && 'adoptedStyleSheets' in shadow) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(styles);
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      } catch {
        // Marks still work unstyled where constructed sheets are not supported.
        sheet = null;
      }
    }
    this.entered.set(shadow, { annotator, sheet });
    void annotator.start();
  }

  private scheduleLateCheck(step: number): void {
    const timer = setTimeout(() => {
      this.lateCheck = null;
      if (!this.options.watching()) return;
      this.enterLate();
      const next = step + 1;
      if (next < LATE_SHADOW_DELAYS_MS.length && this.shadowless.size > 0) this.scheduleLateCheck(next);
    }, LATE_SHADOW_DELAYS_MS[step]);
    this.lateCheck = { timer, step };
  }

  private enterLate(): void {
    for (const el of this.shadowless) {
      // Gone, or moved into another root, whose annotator reads it there.
      if (!el.isConnected || !this.root.contains(el)) this.shadowless.delete(el);
      else if (el.shadowRoot) {
        this.shadowless.delete(el);
        const excluded = isExcludedElement(el) || isInsideExcluded(el, this.root);
        if (!excluded && !this.entered.has(el.shadowRoot)) this.enter(el.shadowRoot);
      }
    }
  }
}
