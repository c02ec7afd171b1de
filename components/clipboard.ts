// Puts a text on the clipboard in two flavours, from the extension's pages and from the in-page
// card alike (a content script in a closed shadow root of a web page). Browser glue.
//
// navigator.clipboard.write is tried first; it is missing on pages that are not secure contexts
// (plain http), and a page's permissions policy can refuse it. Then a copy command is run while the
// click's user activation lasts, and its copy event is given both flavours.

export interface ClipboardTexts {
  /** text/plain: what plain text fields and Markdown editors paste. */
  plain: string;
  /** text/html: what word processors and mail paste. */
  html: string;
}

export async function copyTexts(texts: ClipboardTexts): Promise<boolean> {
  const clipboard = globalThis.navigator?.clipboard;
  if (clipboard?.write && typeof ClipboardItem !== 'undefined') {
    try {
      await clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([texts.plain], { type: 'text/plain' }),
          'text/html': new Blob([texts.html], { type: 'text/html' }),
        }),
      ]);
      return true;
    } catch {
      // Refused (permissions policy, no focus): the copy command below may still be allowed.
    }
  }
  return copyWithCommand(texts);
}

function copyWithCommand({ plain, html }: ClipboardTexts): boolean {
  let done = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', plain);
    event.clipboardData.setData('text/html', html);
    event.preventDefault();
    done = true;
  };
  document.addEventListener('copy', onCopy, { capture: true });
  try {
    // Deprecated, but the one way left where the asynchronous clipboard is not offered.
    document.execCommand('copy');
  } catch {
    // Not allowed here: `done` stays false and the button says so.
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
  return done;
}
