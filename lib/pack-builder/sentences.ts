// A document's sentences with their offsets, by Intl.Segmenter (Unicode sentence breaks), so a
// quote taken from them is always a verbatim slice of the document.

export interface Sentence {
  /** The sentence without the spaces and line breaks around it: `text === document.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The sentences of `text`. A line break ends a sentence too (headlines, list items and bylines
 * have no full stop), and abbreviations such as "U.S." or "Ont." do not end one when a lowercase
 * word or a digit follows, which the segmenter already knows.
 */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  // Line by line: the segmenter slows down on one long string far more than in proportion, and a
  // line break ends a sentence anyway.
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') {
      for (const { segment, index } of segmenter.segment(line)) {
        const lead = segment.length - segment.trimStart().length;
        const trimmed = segment.trim();
        if (trimmed === '') continue;
        const start = lineStart + index + lead;
        sentences.push({ text: trimmed, start, end: start + trimmed.length });
      }
    }
    lineStart += line.length + 1;
  }
  return sentences;
}
