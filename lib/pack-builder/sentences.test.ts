import { describe, expect, it } from 'vitest';
import { sentencesOf } from './sentences';

describe('sentencesOf', () => {
  it('splits at full stops and line breaks, each sentence a verbatim slice of the text', () => {
    const text = 'Headline without a stop\n\nThe U.S. signed it. Brazil did not!  “We will,” he said.\n';
    const sentences = sentencesOf(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Headline without a stop',
      'The U.S. signed it.',
      'Brazil did not!',
      '“We will,” he said.',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('has no sentence for a text of spaces', () => {
    expect(sentencesOf(' \n\t\n')).toEqual([]);
  });
});
