// Watches the page's changes (one MutationObserver): drops our marks where the page rewrote or took
// away what we split, feeds changed text back to be read again, and backs off from pages that fight.
import { MARK_CLASS } from './dom-contract';
import { isExcludedElement, isInsideExcluded } from './elements';
import type { RunReader } from './runs';
import type { MarkWriter } from './writer';

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  // The attributes that decide whether an element's text is ours to mark.
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden', 'contenteditable'],
};

/** A page that removes our marks gets them back this many times, later each time, then no more. */
const MAX_FIGHTS = 3;
const FIGHT_BACKOFF_MS = 250;

export interface WatcherHooks {
  /** Forgets the runs held for later in a subtree no longer ours to mark; true when there were any. */
  dropHeldIn(scope: Node): boolean;
  /** Queues the run of text around a changed node to be read again. */
  queue(node: Node): void;
  /** Starts a pass over what is queued, if any. */
  requestPass(): void;
  /** Starts a pass even with nothing queued. */
  schedule(): void;
  /** Marks were added or removed. */
  changed(): void;
  /** The page changed (custom elements may have got their shadow roots). */
  pageChanged(): void;
}

export class Watcher {
  private observer: MutationObserver | null = null;
  /** How often the page removed our marks from an element; past a few times we leave it alone. */
  private readonly fights = new WeakMap<Node, number>();
  private readonly retries = new Set<ReturnType<typeof setTimeout>>();
  /** The page removed nodes since takeNodesMayHaveLeft() last asked. */
  private nodesMayHaveLeft = false;

  constructor(
    private readonly root: Element | Document | ShadowRoot,
    private readonly reader: RunReader,
    private readonly writer: MarkWriter,
    private readonly hooks: WatcherHooks,
  ) {}

  /** Whether the page is being watched (between start() and stop()). */
  get watching(): boolean {
    return this.observer !== null;
  }

  start(): void {
    if (this.observer || typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver((records) => this.handleRecords(records));
    this.observer.observe(this.root, OBSERVED);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
  }

  /** Whether the page removed nodes since last asked (some of ours may have left with them). */
  takeNodesMayHaveLeft(): boolean {
    const may = this.nodesMayHaveLeft;
    this.nodesMayHaveLeft = false;
    return may;
  }

  /**
   * Makes our own writes without the observer: the page cannot run in the middle of them, and a
   * record for each split and insertion (five per mark) would only be thrown away. The page's
   * records up to now must have been taken first.
   */
  unobserved(write: () => void): void {
    const observer = this.observer;
    if (!observer) {
      write();
      return;
    }
    observer.disconnect();
    try {
      write();
    } finally {
      observer.observe(this.root, OBSERVED);
    }
  }

  /** Page mutations queued before we write must be handled, not dropped with ours. */
  takePageRecords(): void {
    if (!this.observer) return;
    const records = this.observer.takeRecords();
    if (records.length > 0) this.handleRecords(records);
  }

  discardOwnRecords(): void {
    this.observer?.takeRecords();
  }

  private handleRecords(records: MutationRecord[]): void {
    const { writer, reader, hooks } = this;
    let changed = false;
    for (const record of records) {
      const target = record.target;
      if (record.type === 'attributes') {
        changed = this.handleExclusionChange(target as Element) || changed;
        continue;
      }
      if (record.type === 'characterData') {
        const group = writer.groupOf(target);
        if (group) {
          // The page rewrote text we had split. Its node must show exactly what it wrote:
          // our fragments go, and the node is read again.
          if (target === group.original) {
            writer.restore(group, group.original.data);
            // The page wrote back the very text it had: it undoes our marks. A fight.
            const parent = group.original.parentNode;
            if (parent && group.original.data === group.data && group.data.trim() !== '') {
              this.backOff(parent);
              changed = true;
              continue;
            }
          } else {
            // The page wrote into one of our fragments (it walked into our nodes): keep all it shows.
            const text = [group.original, ...group.parts].map((n) => n.textContent ?? '').join('');
            group.left = group.original.data;
            writer.restore(group, text);
          }
          changed = true;
          reader.markDirty(group.original);
          hooks.queue(group.original);
        } else if (target.parentNode) {
          reader.markDirty(target);
          hooks.queue(target);
        }
        continue;
      }
      if (record.removedNodes.length > 0) this.nodesMayHaveLeft = true;
      for (const removed of record.removedNodes) {
        const group = writer.groupOf(removed);
        if (!group) {
          // A subtree that moved within the page keeps its marks (its run is read again as added).
          if (removed instanceof Element && !removed.isConnected) changed = writer.releaseMarksIn(removed) || changed;
          continue;
        }
        changed = true;
        if (removed === group.original) {
          // The page took away its own node (a framework re-rendering): the rest of its old text
          // lives on in our fragments, which must go with it, back into the node.
          const data = group.data;
          writer.restore(group);
          // Put back with the very text it had: the page undoes our marks (`el.textContent =
          // el.textContent` as they appear), it does not show anything new. That is a fight.
          if (data.trim() !== '' && addedText(record).includes(data)) this.backOff(record.target);
          else hooks.queue(record.target);
        } else {
          writer.forget(group);
          // The page took away one of our marks: its text stays as the page left it, and the
          // element is read again only a few times, later each time, so neither side loops.
          this.backOff(record.target);
        }
      }
      for (const added of record.addedNodes) {
        if (writer.isOurs(added)) continue;
        if (added instanceof Element && added.classList.contains(MARK_CLASS)) continue;
        // Text the page moved into an editor, a hidden box or code: our marks must go, and what
        // was left for later no longer counts.
        const intoExcluded =
          (added instanceof Element && isExcludedElement(added)) || isInsideExcluded(added, this.root);
        if (intoExcluded) changed = hooks.dropHeldIn(added) || changed;
        if (intoExcluded && added instanceof Element && added.getElementsByClassName(MARK_CLASS).length > 0) {
          changed = writer.restoreMarksIn(added) || changed;
          continue;
        }
        reader.markDirty(added);
        // Where the page fights our marks, only the backed-off retry reads it again.
        if (!this.fights.has(record.target)) hooks.queue(added);
      }
    }
    this.discardOwnRecords();
    if (changed) hooks.changed();
    hooks.requestPass();
    hooks.pageChanged();
  }

  /**
   * An element became editable or hidden (its marks must go, so nothing of ours ends up in what
   * the user edits or submits), or stopped being so (its text is read again).
   */
  private handleExclusionChange(element: Element): boolean {
    if (!element.isConnected) return false;
    if (isExcludedElement(element) || isInsideExcluded(element, this.root)) {
      const dropped = this.hooks.dropHeldIn(element);
      return this.writer.restoreMarksIn(element) || dropped;
    }
    this.hooks.queue(element);
    return false;
  }

  private backOff(element: Node): void {
    const fights = (this.fights.get(element) ?? 0) + 1;
    this.fights.set(element, fights);
    if (fights > MAX_FIGHTS) return;
    const timer = setTimeout(
      () => {
        this.retries.delete(timer);
        if (!this.observer) return;
        this.hooks.queue(element);
        this.hooks.schedule();
      },
      FIGHT_BACKOFF_MS * 2 ** fights,
    );
    this.retries.add(timer);
  }
}

/** The text a childList record put in, in order. */
function addedText(record: MutationRecord): string {
  let text = '';
  for (const node of record.addedNodes) text += node.textContent ?? '';
  return text;
}
