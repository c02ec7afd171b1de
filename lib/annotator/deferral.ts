// Holds runs found to have mentions but not written yet, in sections of a few screens each, counts
// their mentions, and gives them back to be written when a section comes near the viewport.
import { NodeSlot } from './node-slot';

/** Runs far from the viewport are written when they come within this many screens of it. */
const NEAR_SCREENS = 3;
/** Characters of text in one section: about two screens of an article column. */
const SECTION_SIZE = 5000;

/**
 * Consecutive runs of text far from the viewport, found to hold mentions and not written yet, on
 * a page where every render is a long task. They are written when one of their sentinel blocks
 * comes within NEAR_SCREENS of the viewport. One section is a few screens of text, so a page of a
 * million words needs about a thousand targets observed, not one per paragraph (with 36,000
 * targets the observer alone added 50 ms to every frame of a scroll).
 */
export interface Section {
  /** The first text node of each run, each holding its Deferred. */
  texts: Set<Text>;
  /** The blocks of its runs, in reading order; two of them are observed at a time. */
  blocks: Element[];
  /** Observed for coming near: the first block, and the last block added. */
  sentinels: Element[];
  /** The next block to observe instead of a sentinel that is not rendered. */
  nextCandidate: number;
  /** Characters of text read into it. */
  size: number;
  /** Came near (or was asked for): its runs are written when read again. */
  released: boolean;
  /** Its place among the sections, in the order they were made (reading order, on a first pass). */
  order: number;
}

interface Deferred {
  section: Section;
  /** The entity of each mention found in the run. */
  entityIds: string[];
}

export interface DeferralHooks {
  /** A run given back is to be read again (and written). */
  queue(text: Text): void;
  /** Runs were given back by the observer: a pass may start. */
  requestPass(): void;
  /** Whether the annotator is watching the page; sections are watched only then. */
  watching(): boolean;
}

export class Deferral {
  /** Sections holding runs not written yet. */
  private readonly sections = new Set<Section>();
  /** The section the next far run joins. */
  private openSection: Section | null = null;
  /** The runs a section holds, on their first text node. */
  private readonly deferredOf = new NodeSlot<Deferred>();
  /** Mentions per entity in runs not written yet. */
  private readonly counts = new Map<string, number>();
  /** Sentinel blocks to the sections they watch for. */
  private readonly sectionsOf = new Map<Element, Set<Section>>();
  private near: IntersectionObserver | null = null;
  private made = 0;
  /** The place of the section that came near last: where the reader is. */
  private readerAt = -1;

  constructor(private readonly hooks: DeferralHooks) {}

  /** Whether any run is held, not written. */
  get holding(): boolean {
    return this.sections.size > 0;
  }

  /** Whether runs can be held: there is a way to learn when they come near. */
  canHold(): boolean {
    return this.nearObserver() !== null;
  }

  /** Whether any of these nodes starts a run of a section that came near (it is not held again). */
  inReleased(nodes: readonly Text[]): boolean {
    for (const node of nodes) {
      if (this.deferredOf.get(node)?.section.released) return true;
    }
    return false;
  }

  /** The entities of the mentions in the run that starts at `text`, held and not written. */
  heldIn(text: Text): readonly string[] | undefined {
    const deferred = this.deferredOf.get(text);
    if (deferred) return text.isConnected ? deferred.entityIds : undefined;
    return undefined;
  }

  /** Adds the mentions held, per entity, to `counts`. */
  addCounts(counts: Map<string, number>): void {
    for (const [id, count] of this.counts) if (count > 0) counts.set(id, (counts.get(id) ?? 0) + count);
  }

  /** Holds the run starting at `first`, in `block`, of `size` characters, with these mentions. */
  hold(first: Text, block: Element, size: number, entityIds: string[]): void {
    let section = this.openSection;
    if (!section || section.released || (section.size >= SECTION_SIZE && section.blocks.at(-1) !== block)) {
      section = {
        texts: new Set(),
        blocks: [],
        sentinels: [],
        nextCandidate: 1,
        size: 0,
        released: false,
        order: this.made++,
      };
      this.openSection = section;
      this.sections.add(section);
      this.watch(section, block);
    }
    if (section.blocks.at(-1) !== block) {
      section.blocks.push(block);
      // The last block is watched too, so that the section comes near from below as well.
      const last = section.sentinels[1];
      if (section.blocks.length > 1) {
        if (last) this.unwatch(section, last);
        this.watch(section, block);
      }
    }
    section.size += size;
    section.texts.add(first);
    this.deferredOf.set(first, { section, entityIds });
    for (const id of entityIds) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  /** Drops what a run held, not written; it is being read again or left the page. */
  drop(text: Text): void {
    const deferred = this.deferredOf.get(text);
    if (!deferred) return;
    this.deferredOf.delete(text);
    for (const id of deferred.entityIds) this.counts.set(id, (this.counts.get(id) ?? 1) - 1);
    const { section } = deferred;
    section.texts.delete(text);
    if (section.texts.size === 0 && section !== this.openSection) this.retire(section);
  }

  /** Drops what the runs starting at these nodes held. */
  dropAll(nodes: readonly Text[]): void {
    if (this.sections.size > 0) for (const node of nodes) this.drop(node);
  }

  /** A pass ended: the next far run starts a section of its own. */
  closeSection(): void {
    // The section left open may have lost all its runs meanwhile (read again and written).
    if (this.openSection?.texts.size === 0) this.retire(this.openSection);
    this.openSection = null;
  }

  /** A section not given back yet, if any. */
  firstHeld(): Section | undefined {
    for (const section of this.sections) if (!section.released) return section;
    return undefined;
  }

  /**
   * The section to write next when the page is idle: the first after where the reader last came
   * near (readers read on downwards), else the nearest above it.
   */
  nextForIdle(): Section | undefined {
    let below: Section | undefined;
    let above: Section | undefined;
    for (const section of this.sections) {
      if (section.released) continue;
      if (section.order > this.readerAt) {
        if (!below || section.order < below.order) below = section;
      } else if (!above || section.order > above.order) above = section;
    }
    return below ?? above;
  }

  /** Gives back every section not given back yet. */
  releaseHeld(): void {
    for (const section of [...this.sections]) if (!section.released) this.release(section);
  }

  /** Gives back every section, also those given back whose runs are still held. */
  releaseEvery(): void {
    for (const section of [...this.sections]) this.release(section);
  }

  /** Gives back the section of the run that starts at `text`. */
  releaseRunOf(text: Text): void {
    const deferred = this.deferredOf.get(text);
    if (deferred) this.release(deferred.section);
  }

  /** A section came near, or was asked for: its runs are read again, and written. */
  release(section: Section): void {
    // Asked for again (a jump, revealAll()) while still holding runs: those are read again too.
    if (!section.released) {
      section.released = true;
      if (this.openSection === section) this.openSection = null;
      for (const sentinel of [...section.sentinels]) this.unwatch(section, sentinel);
    }
    // A run that left the page unseen (no removal record for it was read yet) is dropped here.
    for (const text of [...section.texts]) {
      if (text.isConnected) this.hooks.queue(text);
      else this.drop(text);
    }
    if (section.texts.size === 0) this.retire(section);
  }

  /** Forgets the runs held in `scope`, which is no longer ours to mark; true when there were any. */
  dropIn(scope: Node): boolean {
    if (this.sections.size === 0) return false;
    if (scope.nodeType === Node.TEXT_NODE) {
      const held = this.deferredOf.has(scope as Text);
      this.drop(scope as Text);
      return held;
    }
    let dropped = false;
    const walker = (scope.ownerDocument ?? document).createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!this.deferredOf.has(text as Text)) continue;
      this.drop(text as Text);
      dropped = true;
    }
    return dropped;
  }

  /** Forgets runs that left the page without a record that showed it. */
  dropDetached(): void {
    for (const section of this.sections) {
      for (const text of section.texts) if (!text.isConnected) this.drop(text);
    }
  }

  /** Forgets every run held, and stops watching; true when there were any. */
  clear(): boolean {
    const had = this.sections.size > 0;
    for (const section of this.sections) {
      for (const text of section.texts) this.deferredOf.delete(text);
      for (const sentinel of section.sentinels) this.sectionsOf.get(sentinel)?.delete(section);
    }
    this.sections.clear();
    this.openSection = null;
    this.counts.clear();
    this.near?.disconnect();
    this.sectionsOf.clear();
    return had;
  }

  /** Lets go of the observer of sentinels (after clear()). */
  stop(): void {
    this.near?.disconnect();
    this.near = null;
  }

  private retire(section: Section): void {
    for (const sentinel of [...section.sentinels]) this.unwatch(section, sentinel);
    this.sections.delete(section);
  }

  private watch(section: Section, block: Element): void {
    section.sentinels.push(block);
    let watched = this.sectionsOf.get(block);
    if (!watched) {
      watched = new Set();
      this.sectionsOf.set(block, watched);
      this.near?.observe(block);
    }
    watched.add(section);
  }

  private unwatch(section: Section, block: Element): void {
    section.sentinels = section.sentinels.filter((sentinel) => sentinel !== block);
    const watched = this.sectionsOf.get(block);
    if (!watched?.delete(section) || watched.size > 0) return;
    this.sectionsOf.delete(block);
    this.near?.unobserve(block);
  }

  /** The observer of sentinels, made on first use; null where there is none (no layout, old browsers). */
  private nearObserver(): IntersectionObserver | null {
    if (this.near) return this.near;
    if (typeof IntersectionObserver === 'undefined' || !this.hooks.watching()) return null;
    this.near = new IntersectionObserver((entries) => this.onNear(entries), {
      rootMargin: `${NEAR_SCREENS * 100}% 0px`,
    });
    return this.near;
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const watched = this.sectionsOf.get(entry.target);
      if (!watched) continue;
      for (const section of [...watched]) {
        if (entry.isIntersecting) {
          this.readerAt = section.order;
          this.release(section);
          continue;
        }
        const { width, height } = entry.boundingClientRect;
        if (width > 0 || height > 0) continue;
        // Not rendered (display: none), so it never comes near: another block of the section
        // watches instead; a section with none rendered is written, where it costs no render.
        this.unwatch(section, entry.target);
        const candidate = section.blocks
          .slice(section.nextCandidate)
          .find((block) => !section.sentinels.includes(block));
        section.nextCandidate = candidate ? section.blocks.indexOf(candidate) + 1 : section.blocks.length;
        if (candidate) this.watch(section, candidate);
        else if (section.sentinels.length === 0) this.release(section);
      }
    }
    this.hooks.requestPass();
  }
}
