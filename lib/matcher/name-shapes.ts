// The shape of the words around a place's name when it is part of another name: a person's
// ("Brian France", "Kenya Barris", "Mrs. Washington"), a product's or a company's ("Canada Dry",
// "Japan Display", "Moscow Mule"), a plant's or an animal's ("Norway spruce", "Canada geese").
// Running text capitalises names, so two capitalised words in a row are one name. Pure.
import { COMMON_GIVEN_NAMES, HONORIFICS } from './common-words';
import { HEADLINE_VERBS } from './title-case';

/**
 * Capitalised words after a country's name that leave it the country: its offices and
 * institutions ("China President Xi", "United States Congress"), days and months.
 */
const COUNTRY_FOLLOWERS = new Set(
  `President Prime Premier Chancellor Foreign Minister Ministry Secretary Ambassador Embassy Consulate Mission
  Delegation Vice Deputy Government Parliament Congress Senate Army Navy Marines Coast Guard Police Customs
  Supreme Constitutional Central National State Federal Republic Kingdom Monday Tuesday Wednesday Thursday
  Friday Saturday Sunday January February March April May June July August September October November December
  And Or Vs On In At To For With From As By I`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalised words before a country's name that leave it the country ("Mainland China", "Southern France"). */
const COUNTRY_LEADERS = new Set(
  `Mainland Communist Imperial Soviet Modern Ancient Medieval Rural Coastal Northern Southern Eastern Western
  Central North South East West Upper Lower Greater Metropolitan Continental Democratic Free Occupied Postwar
  Prewar Republican Red Neutral Independent Visit Made Welcome Across Inside Outside Beyond Team The A An This
  That These Those Our Their His Her Its Both All Every Either Neither Over Around About Against Into Through
  Toward Towards Near Beat Beats Face Faces Says Said Warns Tells Urges Calls Joins Leaves Hits`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Lowercase nouns that, after a country's name, make the pair a thing named after it: species,
 * plants, food and drink.
 */
const THING_NOUNS = new Set(
  `geese goose parrot parrots nut nuts ink mule mules spruce spruces poppy poppies lily lilies pine pines peach
  peaches ale pale dry pepper peppers rose roses maple oak elm fir ivy daisy moss grass hen hens fowl pig pigs
  terrier terriers setter setters spaniel spaniels pony ponies cat cats wolfhound wolfhounds crab crabs lobster
  salmon bacon ham sausage stew tea plate plates thistle thistles warbler warblers jay jays lynx clover violet
  violets aster asters holly mint bluegrass rat rats mouse mice shorts`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Place names that are also given names: after a rejection for a following surname ("Georgia
 * Whitaker"), the page's bare uses are the person too (one sense per page).
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  'Georgia India Israel Kenya Jordan Chad Jamaica Ireland Brittany Paris Sydney Chelsea Florence Victoria Eritrea'.split(
    ' ',
  ),
);

// Words on the same line only: a heading's last word and the next line's first are not one name.
const NEXT_CAPITALISED = /^[^\S\n\r]+(\p{Lu}[\p{L}\p{M}'’]*)/u;
const NEXT_LOWER = /^[^\S\n\r]+(\p{Ll}+)/u;
/** The word before, right before a space; a possessive ("Putin's Russia") is not a given name. */
// A nickname in quotes counts too: Margaret "Peg" Ireland.
const PREVIOUS = /(?:^|[^\p{L}\p{M}.'’])(\p{Lu}[\p{L}\p{M}]*\.?)["”’]?[^\S\n\r]+$/u;

/** The capitalised word right before a name, and where it starts in `before`. */
export function capitalisedBefore(before: string): { word: string; at: number } | null {
  const found = PREVIOUS.exec(before);
  if (!found) return null;
  const word = found[1] as string;
  return { word, at: found.index + found[0].indexOf(word) };
}

export type NameShape =
  | 'surname'
  | 'inName'
  | 'followed'
  | 'thing'
  | 'described'
  | 'work'
  | 'neighbourhood'
  | 'animal'
  | null;

/** ", 70," after a name: a person's age, as papers write it. */
const AGE_AFTER = /^[^\S\n\r]*,[^\S\n\r]*\d{1,3},/;

/** A date as obituaries and captions write it: "1938", "March 2, 1941", "2 March 1941". */
const DATE = String.raw`(?:(?:\p{Lu}\p{Ll}+\.?\s+\d{1,2},\s+|\d{1,2}\s+\p{Lu}\p{Ll}+\s+)?\d{4})`;
/**
 * A life's span after a name, on its line or the next: "India Washington 1938 – 2025",
 * "(March 2, 1941 – October 28, 2025)". Countries have no birth year.
 */
const LIFE_DATES_AFTER = new RegExp(
  String.raw`^[^\S\n\r]*(?:\n\s*)?\(?(?:b\.\s*|born\s+)?${DATE}\s*[–—-]\s*${DATE}(?!\d)`,
  'u',
);

/**
 * Kinds of thing an appositive can say a name is ("Malta, the sweet malt soda"; "Montenegro, an
 * amaro"): drinks and food, brands and shops, vehicles, animals, works. Not a country's kinds
 * (state, nation, republic, economy, market, ally, member).
 */
const APPOSITIVE_THINGS = new Set(
  `soda sodas drink drinks beverage liqueur liquor amaro aperitif aperitivo digestif cocktail beer lager ale
  stout wine whisky whiskey vodka gin rum brandy cider spirit cheese sauce dish dessert cake bread pastry candy
  snack cigar cigars brand label restaurant café cafe bar pub shop store bakery deli diner hotel chain franchise
  car sedan truck model ship boat yacht vessel liner ferry horse colt filly mare gelding stallion dog puppy cat
  album song single band film movie play novel opera musical font typeface mission level episode chapter stage
  first second third fourth fifth sixth seventh eighth ninth tenth last final town village hamlet township suburb`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that end a noun phrase's head ("soda sold in", "liqueur, made"): a verb, a preposition. */
const HEAD_ENDS = String.raw`(?=[,.;:!?)]|\s+(?:that|which|sold|made|brewed|distilled|bottled|named|from|with|for|in|on|at|by|since|between|near|outside|of|where|whose)\b|\s*$)`;
/** ", the sweet malt soda sold…": an appositive whose head is a kind of thing. */
const APPOSITIVE = new RegExp(
  String.raw`^[^\S\n\r]*,[^\S\n\r]+(?:the|a|an)[^\S\n\r]+((?:(?!(?:of|in|for|to|from|by|on|and|with)\b)[\p{Ll}-]+[^\S\n\r]+){0,3}?)([\p{Ll}é]+)${HEAD_ENDS}`,
  'u',
);
/** ", made in Bologna", ", brewed since 1885": a product, where it is made. */
const MADE_AFTER =
  /^[^\S\n\r]*,[^\S\n\r]+(?:made|brewed|distilled|bottled|blended|produced)[^\S\n\r]+(?:in|by|since|from)\b/;

/** "Iceland, Southwark Park Road, is hiring": a branch at a street address, a shop's. */
const ADDRESS_AFTER =
  /^[^\S\n\r]*,[^\S\n\r]+(?:\d+[^\S\n\r]+)?(?:\p{Lu}[\p{L}'’-]*[^\S\n\r]+){1,3}(?:Road|Rd\.?|Street|St\.|Avenue|Ave\.?|Lane|Drive|Boulevard|Blvd\.?|Way|Parade|High Street)(?![\p{L}])/u;

/** An animal's listing: "Georgia · Beagle mix · Female · 9 years", "Peru and Lima · Bonded pair · Males". */
const ANIMAL_LISTING_AFTER = /^[^\n]{0,40}·[^\S\n\r]*(?:[^·\n]{0,30}·[^\S\n\r]*)?(?:Male|Female|Males|Females)\b/;

/**
 * Capitalised words and "of" right before a name, inside a sentence (after a word in lower case or
 * a comma): "the liner Empress of", "the Future Farmers of". A sentence's first word says nothing
 * ("Exports of China rose").
 */
const OF_BEFORE =
  /(?:\p{Ll}|[,·|•])[^\S\n\r]+((?:\p{Lu}\p{Ll}+[^\S\n\r]+)*\p{Lu}\p{Ll}+)[^\S\n\r]+of[^\S\n\r]+(?:the[^\S\n\r]+)?$/u;

/**
 * At a line's start, "X of" makes a name only in a listing, where a dash, a bracket or the line's
 * end follows ("Taste of Peru — lomo saltado"), not in a sentence ("Exports of China rose").
 */
const OF_AT_LINE_START =
  /(?:^|\n)[^\S\n\r]*((?:\p{Lu}\p{Ll}+[^\S\n\r]+)*\p{Lu}\p{Ll}+)[^\S\n\r]+of[^\S\n\r]+(?:the[^\S\n\r]+)?$/u;
const LISTING_AFTER = /^[^\S\n\r]*(?:[—–]|\(|\n|$)/;

/** Words before "of" that leave a name the country: its offices, institutions, people and parts. */
const OF_THE_COUNTRY = new Set(
  `President Presidents Prime Minister Ministers Ministry Government Governments Embassy Embassies Consulate
  Ambassador Ambassadors Envoy King Queen Kingdom Republic People Peoples Parliament Senate Congress Assembly
  Constitution Capital Map History Flag Army Navy Bank State States Secretary Chancellor Premier Governor Citizens
  Citizen Affairs Foreign Foreigners Nationals North South East West Northern Southern Eastern Western Central
  Rest Part Parts Regions Region Province Provinces Coast Borders Border Heart Cities Economy Delegation Mission
  Permanent Representative Representatives Leader Leaders Emperor Emperors Friends Enemies Allies Invasion
  Occupation Partition Unification Independence Recognition Sovereignty Territory Territories Government Most
  Much All Some Many Map Atlas Geography Commission Council Office Agency Board Authority Department Consul
  General Trade Chamber Court Police Forces Air Defence Defense Treasury Customs Immigration Cabinet Crown`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Kin named in apposition: "their daughter, India, to Samuel Okafor", "his wife, Georgia,".
 */
const KIN_BEFORE =
  /\b(?:daughters?|sons?|wife|husband|sisters?|brothers?|grand(?:son|daughter|child)|niece|nephew|mother|father|girlfriend|boyfriend|fianc[eé]e?|twins?|baby|granddaughter)[^\S\n\r]*,[^\S\n\r]+$/;

/** A couple sharing a surname: "Walter and June Ireland". */
const COUPLE_BEFORE = /(?<![\p{L}\p{M}])\p{Lu}\p{Ll}+[^\S\n\r]+(?:and|&)[^\S\n\r]+\p{Lu}\p{Ll}+[^\S\n\r]+$/u;

/**
 * A work named after a place: "a remix of Peru", "her cover of Georgia on My Mind", "the album
 * Japan". (Not a possessive after it: "a version of China's plan" is the country's.)
 */
const WORK_BEFORE =
  /\b(?:cover|remix|version|rendition|recording|single|song|track|album|anthem|ballad|tune|film|movie|novel|musical|painting|poem|episode|mission|level|chapter)[^\S\n\r]+(?:of[^\S\n\r]+)?$/;
/** "the" right before a name, and what a vessel or a place of its own does after it. */
const THE_BEFORE = /(?:^|[^\p{L}])[Tt]he[^\S\n\r]+$/u;
const THING_ACTS_AFTER =
  /^(?:[^\S\n\r]+(?:had|has|was|carries|carried|sailed|docked|sank|left port|arrived|lay|creaked)\b|[^\S\n\r]*(?:\n|$))/;

/** A film's or a book's year after its title: "Brazil (1985)", "Moscow on the Hudson (1984)". */
const FILM_YEAR_AFTER = /^(?:[^\S\n\r]+(?:on|in|of|the|and|to|at|\p{Lu}\p{Ll}+))*[^\S\n\r]*\((?:18|19|20)\d{2}\)/u;
/** A ship or a horse named after a place: "the freighter Moscow", "the liner Empress of Ireland". */
const VESSEL_BEFORE =
  /\b(?:ship|freighter|liner|vessel|yacht|boat|tanker|frigate|cruiser|destroyer|submarine|ferry|steamer|schooner|trawler|horse|mare|colt|filly|gelding)[^\S\n\r]+$/;
/** A name alone in quotation marks, as labels, patterns and colourways are written. */
const LABEL_QUOTES_BEFORE = /["“'‘][^\S\n\r]?$/;
const LABEL_QUOTES_AFTER = /^[^\S\n\r]?["”'’](?!s\b)/;
const LABEL_WORDS =
  /\b(?:labels?|patterns?|colou?rways?|colou?rs?|shades?|hues?|paints?|varieties|variety|cultivars?|brands?|blends?|yarns?|fabrics?|prints?|designs?|models?|editions?|flavou?rs?)\b/;

/** A title that goes on in capitals after a small word: "Georgia on My Mind", "China in Your Hand". */
const TITLE_GOES_ON =
  /^[^\S\n\r]+(?:on|in|of|with|for|to|and|from|at|by)[^\S\n\r]+(?:My|Your|Our|His|Her|Their|Me|You|Us|Them|Mind|Heart|Love)(?![\p{L}\p{M}])/u;

/** Words before a country's name that is also a noun, making the noun: "bone china", "roast turkey". */
const COMMON_NOUN_BEFORE =
  /\b(?:[Bb]one|[Ff]ine|[Rr]oast(?:ed)?|[Ww]ild|[Ss]moked|[Ss]tuffed|[Cc]arved|[Dd]ried|[Gg]reen|[Rr]ed)[^\S\n\r]+$/;

/**
 * Words that open sentences without being a given name (function words, adverbs, a few
 * adjectives): before a place that is also a surname ("Washington"), any other word is one.
 */
const SENTENCE_OPENERS = new Set(
  `The But And Or So Yet For Nor In On At By To From With Without Into Under Over After Before Since Until While
  When Whenever Where Why How What Which Who Whose If Unless Although Though Because As Once Then Now Today
  Yesterday Tomorrow Tonight Meanwhile Still Also Even Only Just Not No Here There Indeed Instead However
  Moreover Furthermore Besides Otherwise Thus Hence Later Earlier Recently Currently Already Perhaps Maybe
  Certainly Clearly Officially Official Officials Critics Analysts Experts Like Unlike Despite Within Among Amid
  Between During Via Including Following Regarding Ahead Whether Does Did Do Is Was Will Would Could Should Can
  May Might Must Has Have Had Let Neighbouring Neighboring Tiny Tell Ask Watch Why Meet Oil-rich`
    .split(/\s+/)
    .filter(Boolean),
);

/** An appositive or a participle right after a name that says it is a thing, not a place. */
export function describedAsThing(after: string): boolean {
  if (MADE_AFTER.test(after)) return true;
  const appositive = APPOSITIVE.exec(after);
  return appositive !== null && APPOSITIVE_THINGS.has(appositive[2] as string);
}

/**
 * How the words around a country's name make it part of another name: 'surname' when a given name
 * or an honorific comes before ("Brian France", "Mrs. Ireland", "India Washington" when the name is
 * also a surname: `surnameToo`), or an age or a life's span after ("Washington, 70,"); 'described'
 * when an appositive says it is a thing ("Malta, the malt soda"); 'followed' when a capitalised
 * word other than an office or a day follows ("Kenya Barris", "Japan Display"); 'thing' when a
 * noun of a species or a food follows ("Canada geese"). `previousStartsSentence` tells whether the
 * word before starts a sentence (its capital says nothing then).
 */
export function nameShape(
  before: string,
  after: string,
  previousStartsSentence: boolean,
  name: { surnameToo?: boolean; commonNoun?: boolean; takesArticle?: boolean } = {},
): NameShape {
  // "The Moscow had been dead for sixty years", "Inside the Moscow": a ship's or a thing's name, where
  // the country's takes no article.
  if (!name.takesArticle && THE_BEFORE.test(before) && THING_ACTS_AFTER.test(after)) return 'work';
  if (AGE_AFTER.test(after) || LIFE_DATES_AFTER.test(after) || KIN_BEFORE.test(before)) return 'surname';
  if (describedAsThing(after) || ADDRESS_AFTER.test(after)) return 'described';
  if (ANIMAL_LISTING_AFTER.test(after)) return 'animal';
  // "the Empress of Ireland", "Bells of Ireland", "Future Farmers of America": a name of something
  // else; the country's own offices and parts stay it ("the Prime Minister of Japan").
  const of = (OF_BEFORE.exec(before) ?? (LISTING_AFTER.test(after) ? OF_AT_LINE_START.exec(before) : null))?.[1];
  if (of && !of.split(/\s+/).some((word) => OF_THE_COUNTRY.has(word))) return 'neighbourhood';
  if (
    (WORK_BEFORE.test(before) && !/^['’]s\b/.test(after)) ||
    TITLE_GOES_ON.test(after) ||
    FILM_YEAR_AFTER.test(after) ||
    VESSEL_BEFORE.test(before) ||
    (LABEL_QUOTES_BEFORE.test(before) &&
      LABEL_QUOTES_AFTER.test(after) &&
      (LABEL_WORDS.test(before) || LABEL_WORDS.test(after)))
  ) {
    return 'work';
  }
  if (name.commonNoun && COMMON_NOUN_BEFORE.test(before)) return 'thing';
  const previous = capitalisedBefore(before)?.word;
  if (previous === 'Little') return 'neighbourhood';
  if (previous && (HONORIFICS.has(previous) || COMMON_GIVEN_NAMES.has(previous) || COUPLE_BEFORE.test(before))) {
    return 'surname';
  }
  // "India Washington", "Georgia Jordan": a given name, then a surname, even first in a line; and
  // "Kamasi Washington and his band": any word that does not open sentences, before a surname.
  if (
    previous &&
    name.surnameToo &&
    (GIVEN_NAMES.has(previous) ||
      (previousStartsSentence &&
        !SENTENCE_OPENERS.has(previous) &&
        !COUNTRY_LEADERS.has(previous) &&
        !HEADLINE_VERBS.has(previous.toLowerCase()) &&
        !/(?:ed|ing|ly)$/.test(previous)))
  ) {
    return 'surname';
  }
  if (
    previous &&
    !previousStartsSentence &&
    !COUNTRY_LEADERS.has(previous) &&
    !COUNTRY_FOLLOWERS.has(previous) &&
    !previous.endsWith('.')
  ) {
    // Part of a longer name, a person's or not ("TAP Air Portugal"): says nothing of the page,
    // unless the name is also a surname ("Darnell Washington").
    return name.surnameToo ? 'surname' : 'inName';
  }
  const next = NEXT_CAPITALISED.exec(after)?.[1];
  if (next && !COUNTRY_FOLLOWERS.has(next)) return 'followed';
  const noun = NEXT_LOWER.exec(after)?.[1];
  if (noun && THING_NOUNS.has(noun)) return 'thing';
  return null;
}
