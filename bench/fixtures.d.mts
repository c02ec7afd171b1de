/** A news-like page of about `targetWords` words: its HTML and the number of words written. */
export function generatePage(targetWords: number, seed?: number): { html: string; words: number };
