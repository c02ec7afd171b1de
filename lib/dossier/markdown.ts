// Text written into Markdown so that it reads back as the same text, not as markup. Pure.

/** Characters Markdown may read as markup anywhere in a line. */
const INLINE = /[\\`*_[\]<>|~]/g;
/** A heading, list item or rule mark at the start of a line ('>' is escaped as INLINE). */
const LINE_MARK = /^(\s*)([#+-])/;
/** "1996. ..." at the start of a line would be an ordered list. */
const LINE_NUMBER = /^(\s*)(\d+)([.)])/;

/** `text` as Markdown text: markup characters escaped with a backslash; line breaks become \n. */
export function markdownText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(INLINE, '\\$&').replace(LINE_MARK, '$1\\$2').replace(LINE_NUMBER, '$1$2\\$3'))
    .join('\n');
}

/** A quote as a Markdown block quote, every line of it quoted. */
export function markdownQuote(text: string): string {
  return markdownText(text)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** Undoes markdownText (a reader's view of the text; also what the tests compare). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>|~#+\-.)])/g, '$1');
}
