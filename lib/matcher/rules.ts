// Cheap checks the matcher runs on a candidate mention and the few words around it. Pure: no DOM.
// Each check looks at a short slice of text on either side of the match (never at other aliases),
// so find() stays one regex pass plus a constant amount of work per match.

/** How far around a match the checks look, in UTF-16 units. */
export const WINDOW = 60;

/**
 * A rule for one alias surface: `reject` returns true when the words around the match show that
 * it names something else (the US state of Georgia, Latin America, the Washington Post...).
 * `before` is the text up to the match, `after` the text from its end, each at most WINDOW long.
 */
export interface SurfaceRule {
  reject(before: string, after: string, surface: string): boolean;
  /**
   * Of the rejections, those clear enough to settle the name's sense for the rest of the page
   * (one sense per page, see senses.ts): "Atlanta, Georgia" does, "George Washington" does not.
   */
  otherSense?(before: string, after: string): boolean;
  /** Cues for the pack's sense ("Tbilisi, Georgia"), which win over the rest and settle it too. */
  ourSense?(before: string, after: string): boolean;
}

/** True when the surface is written without any accent ("Suede" for "Suède"). */
const unaccented = (surface: string) => !/\p{M}/u.test(surface.normalize('NFD'));

import { escapeRegExp, US_STATE_NAMES, US_STATES_IN_DATELINES } from './place-names';

/** A number of states, as the US states are counted: "22 states", "twenty-two states", "all 50 states". */
const COUNT_OF_STATES =
  '\\b(?:\\d+|twenty|thirty|forty|fifty|(?:twenty|thirty|forty)[- ](?:one|two|three|four|five|six|seven|eight|nine)|all 50) states\\b';

// Georgia is the country unless the words around it point at the US state. A clue for the
// country (Tbilisi, the Caucasus...) anywhere in the window wins over the state's clues.
const GEORGIA_COUNTRY = /\b(?:Tbilisi|Caucasus|Abkhazia|South Ossetia|Georgian Dream|Black Sea)\b/;
// Words that only the state brings along: its capital and cities, its abbreviation, its teams.
// Another US state named nearby ("Georgia 38, Kentucky 13", "Georgia and Alabama") says the state too.
const GEORGIA_STATE_NEAR = new RegExp(
  `(?<!\\p{L})(?:Atlanta|Savannah|Macon|Ga\\.|Bulldogs|Peach State|peach(?:es)?|pecans?|Coca-Cola|in the SEC|${COUNT_OF_STATES}|Fort \\p{Lu}\\p{Ll}+|${US_STATE_NAMES.join('|')})(?!\\p{L})`,
  'u',
);
// The typeface: "set in Georgia, with Verdana for the interface".
const GEORGIA_FONT =
  /\b(?:Verdana|Helvetica|Arial|Garamond|Calibri|Cambria|Palatino|Times New Roman|typefaces?|fonts?|serif)\b/;
// "the state of Georgia", "the U.S. state of Georgia", "University of Georgia", "Savannah, Georgia"
// (a US city and a comma).
const GEORGIA_STATE_BEFORE =
  /(?:\b(?:north|south|middle|coastal|rural|southwest|southeast|northeast|northwest)|\b(?:[Ss]tate|[Uu]niversity|[Gg]overnor|[Ss]enators?) of|\b(?:U\.S\.|US|American) state(?: of)?|\b(?:Atlanta|Savannah|Augusta|Macon|Athens|Columbus|Marietta|Alpharetta|Decatur|Valdosta|Albany|Roswell|Dalton|Kennesaw|Brunswick),)[\s\u00A0]+$/;
// "Georgia, USA", "Georgia governor", "Georgia's governor", "Georgia Tech", "the Georgia Senate runoff",
// "Georgia-Pacific" (a paper company of Atlanta).
const GEORGIA_STATE_AFTER =
  /^(?:[\s\u00A0]*,[\s\u00A0]*(?:USA|U\.S\.A?\.?|US|United States)(?!\p{L})|[-\u2010\u2011]Pacific(?!\p{L})|[\s\u00A0]+the state\b|(?:['’]s)?[\s\u00A0]+(?:[Gg]overnor|Gov\.|Bulldogs|Tech|Southern|State University|Senate|House of Representatives|General Assembly|[Ll]egislature|Republicans?|Democrats?|GOP|Secretary of State|runoffs?|primary|primaries|Peach|Power|Aquarium|Dome|O['’]Keeffe|Institute of Technology|Supreme Court|count(?:y|ies))(?!\p{L}))/u;

// "Latin America", "South American", "Pan-American", "Voice of America", "Bank of America":
// a continent, a broadcaster or a bank, not the United States.
const AMERICA_BEFORE =
  /(?:\b(?:Latin|South|North|Central|Meso|Voice of|Bank of|Captain|Miss)[\s\u00A0]+|\b(?:Pan|Meso|Latin)-)$/;
const AMERICA_AFTER = /^['’]s Cup\b/;

// "Washington" stands for the US government (a documented choice) except in the names of
// people, places, teams and papers, and as the state ("Washington state", "Seattle, Washington").
const WASHINGTON_BEFORE =
  /(?:\b(?:George|Denzel|Booker T\.|Martha|Kerry|Mount|Mt\.|Lake|Fort|Port|University of|[Ss]tate of)|\b(?:Seattle|Spokane|Tacoma|Redmond|Bellevue|Olympia|Vancouver|Everett|Yakima),)[\s\u00A0]+$/;
const WASHINGTON_AFTER =
  /^[\s\u00A0]+(?:Post|Times|Examiner|Free Beacon|[Ss]tate|Redskins|Commanders|Nationals|Capitals|Wizards|Mystics|Huskies|Irving|Monument|Square|Heights|Dulles|County|University)\b/;

const WASHINGTON_STATE_BEFORE =
  /(?:\b[Ss]tate of|\b(?:Seattle|Spokane|Tacoma|Redmond|Bellevue|Olympia|Vancouver|Everett|Yakima),)[\s\u00A0]+$/;
const WASHINGTON_STATE_AFTER = /^[\s\u00A0]+[Ss]tate\b/;
// "visitors from twenty-two states, from Georgia to Washington": the US states.
const AMONG_STATES = new RegExp(COUNT_OF_STATES);
// "Friday Harbor, Washington, are both ports of entry": a town, then its state, then the sentence
// goes on (in a list of capitals the next word is another name: "Beijing, Washington, Moscow").
const TOWN_COMMA_BEFORE = /\p{Lu}[\p{L}\p{M}.'’-]*,[\s\u00A0]+$/u;
const SENTENCE_GOES_ON = /^,[\s\u00A0]+\p{Ll}/u;
const WASHINGTON_PERSON_BEFORE = /\b(?:George|Denzel|Booker T\.|Martha|Kerry)[\s\u00A0]+$/;

// Words of American sports, where a place's name is a team: "Washington visits Atlanta for a
// neutral-site game", "the Bulldogs held UK to 41 rushing yards" (UK: the University of Kentucky).
const US_SPORTS =
  /\b(?:touchdowns?|quarterbacks?|walk-on|[Cc]ollege [Bb]asketball|[Cc]ollege [Ff]ootball|rushing|passing yards|field goals?|halftime|kickoff|tip-off|innings|home opener|regular season|neutral-site|playoffs?|bowl game|postseason|NCAA|NFL|NBA|WNBA|MLB|NHL|Huskies|Commanders|Nationals|Capitals|Wizards|Mystics|Wildcats|Big Blue Nation|Rupp Arena|Kroger Field)\b/;

// "UK" is also the University of Kentucky, in its sports and its alumni notes.
const KENTUCKY = new RegExp(`${US_SPORTS.source}|\\b(?:Kentucky|Lexington)\\b`);

// Words of painting around "Group of Seven": Canada's landscape painters, not the G7.
const PAINTERS =
  /\b(?:paint(?:s|ed|er|ers|ing|ings)?|canvas(?:es)?|landscapes?|gallery|galleries|art|artists?|Tom Thomson|Lawren Harris|Emily Carr|Algonquin)\b/;

// A US state's own Department of State (elections, business filings): "Pennsylvania Department
// of State", "the state's Department of State", or one in a story datelined in a state
// ("Washington, Pa.: The Department of State certifies county ballots").
const STATES = US_STATES_IN_DATELINES.map(escapeRegExp).join('|');
const STATE_AGENCY_BEFORE = new RegExp(
  `(?:(?<!\\p{L})(?:${STATES})(?:['’]s)?|\\b[Ss]tate['’]s|\\b[Tt]he state)[\\s\\u00A0]+$`,
  'u',
);
const STATE_DATELINE_BEFORE = new RegExp(
  `(?<!\\p{L})\\p{Lu}[\\p{L}. '’-]*,[\\s\\u00A0]+(?:${STATES})(?!\\p{L})[\\s\\u00A0]*[:—–]`,
  'u',
);
const FEDERAL = /\b(?:U\.S\.|US|federal|Blinken|Secretary of State Antony|Washington, D\.C\.)/;

/** Whether the pattern is in the words before or after a name. */
const near = (pattern: RegExp, before: string, after: string) => pattern.test(before) || pattern.test(after);

/** Washington as a state's town's state ("Friday Harbor, Washington, are…") or a team. */
const washingtonElsewhere = (before: string, after: string) =>
  (TOWN_COMMA_BEFORE.test(before) && SENTENCE_GOES_ON.test(after)) || near(US_SPORTS, before, after);

const US_ROUTE =
  /^[\s\u00A0]+\d{1,3}(?![\d,%-])(?!\.\d)(?![\s\u00A0]*(?:percent|per cent|billion|million|years?|times)\b)/;

/** The words around "Georgia" point at the US state. */
function georgiaTheState(before: string, after: string): boolean {
  return (
    GEORGIA_STATE_NEAR.test(before) ||
    GEORGIA_STATE_NEAR.test(after) ||
    GEORGIA_STATE_BEFORE.test(before) ||
    GEORGIA_STATE_AFTER.test(after)
  );
}

export const SURFACE_RULES: ReadonlyMap<string, SurfaceRule> = new Map<string, SurfaceRule>([
  [
    'Georgia',
    {
      reject: (before, after) =>
        georgiaTheState(before, after) || near(GEORGIA_FONT, before, after) || near(US_SPORTS, before, after),
      otherSense: georgiaTheState,
      ourSense: (before, after) => near(GEORGIA_COUNTRY, before, after),
    },
  ],
  [
    'Department of State',
    {
      reject: (before, after) =>
        STATE_AGENCY_BEFORE.test(before) || (STATE_DATELINE_BEFORE.test(before) && !near(FEDERAL, before, after)),
    },
  ],
  // The Canadian landscape painters.
  ['Group of Seven', { reject: (before, after) => near(PAINTERS, before, after) }],
  // "UK" in American sports or beside Kentucky is the university: the page's other bare uses follow.
  [
    'UK',
    {
      reject: (before, after) => near(KENTUCKY, before, after),
      otherSense: () => true,
    },
  ],
  ['America', { reject: (before, after) => AMERICA_BEFORE.test(before) || AMERICA_AFTER.test(after) }],
  ['American', { reject: (before) => AMERICA_BEFORE.test(before) }],
  // "U.S. 52", "US 1": a federal highway.
  ['U.S.', { reject: (_before, after) => US_ROUTE.test(after) }],
  ['US', { reject: (_before, after) => US_ROUTE.test(after) }],
  [
    'Washington',
    {
      reject: (before, after) =>
        WASHINGTON_BEFORE.test(before) ||
        WASHINGTON_AFTER.test(after) ||
        AMONG_STATES.test(before) ||
        washingtonElsewhere(before, after),
      // The state ("Seattle, Washington", "Washington state", "Friday Harbor, Washington, are"), a
      // team, or a person ("Denzel Washington"): the page's bare uses follow. A place named after
      // the person is no evidence ("George Washington University").
      otherSense: (before, after) =>
        WASHINGTON_STATE_BEFORE.test(before) ||
        WASHINGTON_STATE_AFTER.test(after) ||
        washingtonElsewhere(before, after) ||
        (WASHINGTON_PERSON_BEFORE.test(before) && !WASHINGTON_AFTER.test(after)),
    },
  ],
  // Northern Ireland is part of the United Kingdom, not of Ireland.
  ['Ireland', { reject: (before) => /\bNorthern[\s\u00A0]+$/.test(before) }],
  // Accents may be dropped ("Etats-Unis"), except where that spells another word or a name:
  // "Suede" (leather, a band) is not Suède, "Georgie" (a first name) is not Géorgie.
  ['Suede', { reject: (_before, _after, surface) => unaccented(surface) }],
  ['Georgie', { reject: (_before, _after, surface) => unaccented(surface) }],
  // The river and its delta, mostly in Nigeria.
  [
    'Niger',
    {
      reject: (before, after) =>
        /\b[Rr]iver[\s\u00A0]+$/.test(before) || /^[\s\u00A0]+(?:[Dd]elta|[Rr]iver|[Bb]asin)\b/.test(after),
    },
  ],
  // Jamaica, Queens; Jamaica Plain, Boston; Jamaica Bay.
  [
    'Jamaica',
    {
      reject: (_before, after) =>
        /^(?:[\s\u00A0]*,[\s\u00A0]*(?:Queens|New York|NY)\b|[\s\u00A0]+(?:Plain|Bay|Avenue|Estates|Station)\b)/.test(
          after,
        ),
    },
  ],
  // Chinese is written without spaces, so a name can sit inside a longer word:
  // 印度尼西亚 (Indonesia) and 印度洋 (Indian Ocean) are not India; 欧美/拉美/南美/北美国家 are
  // "European/Latin/South/North American countries", not the United States; 北爱尔兰 is Northern Ireland;
  // 发展中国家 is "developing countries", not China.
  ['印度', { reject: (_before, after) => /^(?:尼西亚|洋)/.test(after) }],
  ['中国', { reject: (before, after) => /发展$/.test(before) && /^家/.test(after) }],
  ['美国', { reject: (before) => /[欧拉南北]$/.test(before) }],
  ['爱尔兰', { reject: (before) => /北$/.test(before) }],
]);

/**
 * Two-letter English words that are also acronym aliases ("US"). In ALL-CAPS text ("JOIN US
 * TODAY", "TELL US MORE") the acronym cannot be told from the word, so such an acronym does not
 * count when its nearest words in the same sentence are all in capitals too, unless the word before
 * is "THE" ("IN THE US": a pronoun never follows "the"). A headline such as "US TROOPS LEAVE" is
 * lost that way: a chosen trade-off. "UN" and "EU" are not English words and always count; dotted
 * forms ("U.S.") always count; "US" in mixed-case text always counts ("Us"/"us" never match).
 */
export const WORDLIKE_ACRONYMS: ReadonlySet<string> = new Set(
  'AM AN AS AT BE BY DO GO HE IF IN IS IT ME MY NO OF ON OR SO TO UP US WE'.split(' '),
);

const SENTENCE_END = /[.!?\n]/;
const LETTERS = /\p{L}{2,}/gu;
const CAPITALS = /^\p{Lu}+$/u;

/**
 * True when the nearest words (of two letters or more) on either side, within the sentence, are
 * all in capitals, and the word before is not "THE". See WORDLIKE_ACRONYMS.
 */
export function isShouted(text: string, start: number, end: number): boolean {
  const before =
    text
      .slice(Math.max(0, start - WINDOW), start)
      .split(SENTENCE_END)
      .pop() ?? '';
  const after = text.slice(end, end + WINDOW).split(SENTENCE_END)[0] ?? '';
  const previous = before.match(LETTERS)?.pop();
  const next = after.match(LETTERS)?.[0];
  if (previous === 'THE') return false;
  const neighbours = [previous, next].filter((w): w is string => w !== undefined);
  return neighbours.length > 0 && neighbours.every((w) => CAPITALS.test(w));
}

// What may stand between the end of one sentence and the next word: spaces, invisible characters,
// quotes and opening brackets.
const SENTENCE_GAP = /[\s\u00A0\u00AD\u200B-\u200D\u2060\uFEFF"'“”‘’«»„([]/u;
// Dashes too: a dateline ("LONDON (Wire) - Power prices rose"), or a dash in a sentence, where
// being strict costs little ("— Power said" still counts).
const SENTENCE_STOP = /[.!?…:;\-\u2013\u2014]/u;

/** True when `index` starts a sentence: the start of the text, or after . ! ? … : ; a dash, and quotes. */
export function isSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && SENTENCE_GAP.test(text[i] as string)) i--;
  return i < 0 || SENTENCE_STOP.test(text[i] as string);
}

/**
 * Words after a surname that make it a person's name even at the start of a sentence
 * ("Power said", "Price told reporters"). Any other lowercase word after a sentence-initial
 * reference ("Power outages hit the city", "Price rises") makes it the common word.
 */
const NAME_VERBS = new Set(
  `said says told tells added adds noted notes stated wrote writes argued argues warned warns urged urges
  asked asks explained explains announced announces stressed stresses insisted insists called calls spoke
  speaks replied replies responded responds declined declines confirmed confirms denied denies praised
  praises criticised criticized criticises criticizes met meets visited visits thanked thanks welcomed
  welcomes is was has had will would could can may might must should also then later herself himself who did does`
    .split(/\s+/)
    .filter(Boolean),
);

const NEXT_WORD = /^([\s\u00A0]+)(\p{L}[\p{L}\p{M}]*)/u;
const PREVIOUS_WORD = /(\p{L}[\p{L}\p{M}'’.-]*)[\s\u00A0]+$/u;
// Capitalised words that are not part of a name before a surname: "On Friday Power said".
const CALENDAR = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);

/**
 * Whether a capitalised `reference` alias (a bare surname that is also a word: "Power", "Price",
 * "Painter"; or "Declaration", "Coalition") names its entity here. Its entity was already named
 * on the page; these checks only keep out the common word:
 * - inside a longer capitalised name ("Purchasing Power", "Consumer Price Index", "Power Ministry")
 *   it is not the person: rejected when the word before (unless that word starts the sentence or
 *   is a day or month) or the word right after is capitalised, and in a compound ("Power-sharing");
 * - at the start of a sentence its capital letter says nothing, so it counts only when followed by
 *   punctuation, a possessive, the end of the text, or a verb of saying/doing ("Power said",
 *   "Price added", any "-ed" word); "Power outages hit the city." is the word, not the person.
 */
export function referenceFits(text: string, start: number, end: number): boolean {
  const first = text[start] as string;
  if (first.toLowerCase() === first) return true;
  const after = text.slice(end, end + WINDOW);
  // a compound: "Power-sharing talks"
  if (/^[-\u2010\u2011]\p{L}/u.test(after)) return false;
  const next = NEXT_WORD.exec(after);
  if (next && /^\p{Lu}/u.test(next[2] as string)) return false;
  if (!isSentenceStart(text, start)) {
    const before = text.slice(Math.max(0, start - WINDOW), start);
    const previous = PREVIOUS_WORD.exec(before);
    if (!previous || !/^\p{Lu}/u.test(previous[1] as string) || CALENDAR.has(previous[1] as string)) return true;
    return isSentenceStart(text, start - before.length + previous.index);
  }
  if (!next) return true; // punctuation, a possessive or the end of the text follows
  const word = next[2] as string;
  return NAME_VERBS.has(word) || /ed$/.test(word);
}
