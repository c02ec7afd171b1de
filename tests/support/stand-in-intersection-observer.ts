// For DOM tests of the annotator: jsdom has no layout and no IntersectionObserver, so the test
// plays the browser and says which watched blocks come near the viewport.

export class StandInIntersectionObserver {
  /** The observer made last: the annotator makes one. */
  static latest: StandInIntersectionObserver | null = null;
  readonly targets = new Set<Element>();
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    StandInIntersectionObserver.latest = this;
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords() {
    return [];
  }
  /** What the browser reports when `targets` come near (or leave, or turn out not rendered). */
  report(targets: Element[], { near, rendered = true }: { near: boolean; rendered?: boolean }) {
    const entries = targets
      .filter((target) => this.targets.has(target))
      .map(
        (target) =>
          ({
            target,
            isIntersecting: near,
            boundingClientRect: rendered ? { width: 600, height: 80 } : { width: 0, height: 0 },
          }) as unknown as IntersectionObserverEntry,
      );
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}
