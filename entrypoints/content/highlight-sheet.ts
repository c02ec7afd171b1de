// The page's highlight styles: one constructed style sheet of ours in document.adoptedStyleSheets,
// so no element is added to the page; its text is replaced when the settings change, and it is
// taken out when Gloss turns off or the extension goes away.
import { UI_ATTRIBUTE } from '@/lib/annotator/annotator';

export class HighlightSheet {
  private sheet: CSSStyleSheet | null = null;
  /**
   * Firefox before 153 refuses adopted sheets made by a content script; there a <style> of ours
   * (marked as our UI) stands in.
   */
  private fallback: HTMLStyleElement | null = null;
  private css = '';

  constructor(private readonly doc: Document) {}

  /** Shows these styles, replacing the previous ones. */
  set(css: string): void {
    if (css === this.css && this.isApplied()) return;
    this.css = css;
    if (this.fallback) {
      this.fallback.textContent = css;
      if (!this.fallback.isConnected) this.doc.documentElement.append(this.fallback);
      return;
    }
    try {
      this.sheet ??= new CSSStyleSheet();
      this.sheet.replaceSync(css);
      this.adopt();
    } catch {
      this.sheet = null;
      this.fallback = this.doc.createElement('style');
      this.fallback.setAttribute(UI_ATTRIBUTE, '');
      this.fallback.textContent = css;
      this.doc.documentElement.append(this.fallback);
    }
  }

  /** Puts the sheet back if the page replaced the document's adopted sheets with its own. */
  ensure(): void {
    if (this.css !== '' && !this.isApplied()) this.set(this.css);
  }

  remove(): void {
    this.css = '';
    this.fallback?.remove();
    const sheet = this.sheet;
    if (sheet && this.doc.adoptedStyleSheets.includes(sheet)) {
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  }

  private isApplied(): boolean {
    if (this.fallback) return this.fallback.isConnected;
    return this.sheet !== null && this.doc.adoptedStyleSheets.includes(this.sheet);
  }

  private adopt(): void {
    const sheet = this.sheet;
    if (sheet && !this.doc.adoptedStyleSheets.includes(sheet)) {
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
    }
  }
}
