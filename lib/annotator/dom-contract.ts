// The names in the page that tests, tools and our own UI rely on (the README's DOM contract),
// apart from the annotator, so the card's code can use them without carrying the annotator.

export const MARK_CLASS = 'gloss-mark';
/** Our own UI carries this attribute so the annotator never reads or writes inside it. */
export const UI_ATTRIBUTE = 'data-gloss-ui';
