// The words of the benchmark's fixture pages (fixtures.mjs): sentences with no name of ours,
// traps that only look like names, and the verbs, topics and headings the generated sentences use.

// Words that look like names but are not ours to mark (the matcher is case-sensitive and
// whole-word; demonyms are off by default).
export const TRAP_SENTENCES = [
  'Let us focus on what the agreement does, one of us said.',
  'A USB stick with the draft was handed to reporters after the briefing.',
  'The price of the programme has not been disclosed, and its power to compel is limited.',
  'He called it a declaration of intent, not a treaty, and said the coalition of civil groups agreed.',
  'Chinese and Dutch delegations were seen leaving the building together.',
  'The painter who designed the logo was not invited, a press officer said.',
  'Critics say the powers granted to regulators are too broad; supporters say the focus is right.',
  'Users in the usual places reported slow connections, the usbank outage page said.',
  'The Americans in the room, mostly engineers, declined to comment on the usage figures.',
  'The wassenaar-style list, as some call it, is only a draft with no status.',
  'An unclear trumpet call for unity followed, in the words of one columnist.',
  'Unions and universities were not consulted, according to the open letter.',
];

export const FILLER_SENTENCES = [
  'The talks lasted several hours and ended without a joint statement.',
  'Analysts said the commitment was mostly symbolic but set out clear principles for the years ahead.',
  'Officials declined to say when the next round of negotiations would begin.',
  'The document runs to eleven pages and is not legally binding.',
  'Civil society groups welcomed the text but asked for a mechanism to hold signatories to account.',
  'Several delegations said the wording on surveillance technology was the hardest part to agree.',
  'The announcement came after months of quiet consultations with industry and researchers.',
  'It is not yet clear how the principles will be applied to existing laws.',
  'Observers noted that the list of participants had grown since the first draft circulated.',
  'The statement stresses an open, free, global, interoperable, reliable and secure network.',
  'Some experts warned that fragmentation of the network would hurt smaller economies first.',
  'A follow-up meeting is planned for the autumn, according to people familiar with the matter.',
  'The drafters avoided naming any government directly in the final version.',
  'Businesses were asked to comment on the proposals before the end of the month.',
  'Human rights lawyers said export licences had been granted too easily in the past.',
  'The text also mentions protections for journalists and human rights defenders online.',
  'Nobody expects the process to be quick, one senior diplomat said privately.',
  'Funding for the new programmes will come from existing budgets.',
];

export const VERBS = ['said', 'stressed', 'noted', 'argued', 'told reporters', 'wrote', 'insisted', 'added'];
export const TOPICS = [
  'an open and interoperable internet',
  'export controls on surveillance tools',
  'the protection of human rights online',
  'digital trade rules',
  'the fight against disinformation',
  'internet shutdowns',
  'cybersecurity cooperation',
  'the governance of the domain name system',
  'data flows across borders',
  'spyware sold to repressive governments',
];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
export const SECTION_WORDS = [
  'Background',
  'Reactions',
  'What the text says',
  'Who signed',
  'Criticism',
  'Next steps',
  'Analysis',
  'Timeline',
];
