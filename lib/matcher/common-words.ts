// Names that are also ordinary words, as data for the rules that weigh them. Pure.

/**
 * Frequent surnames in English-language text, and surnames that are English words. "Mr Price" or
 * "Ms Power" on a page that never names Ned Price or Samantha Power is someone else (or a shop):
 * a title with one of these counts only with support from the page (see titles.ts). Rare
 * surnames ("Mr. Zhao", "Mr Blinken") need none.
 */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set(
  `Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Thomas Taylor Moore Jackson Martin Lee
  Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Nelson Baker
  Hall Campbell Mitchell Carter Roberts Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook
  Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett
  Gray Grey James Hughes Price Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Fisher
  Butler Barnes Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Wallace Gibson Ellis
  Marshall Owens Harrison Fernandez Woods Washington Kennedy Wells Hunt Black Stone Rose Hunter Palmer Mills
  Grant Knight Ford Lane Day Rice Fox Wolf Love Hope Joy Banks Fields Field Church Chase Bishop Pope Noble
  Major Page Gold Silver Strong Little Short Bird Lamb Frost Snow Rich Hardy Sharp Power Powers Painter
  Mason Carpenter Fletcher Weaver Cooke Porter Hart Burns Cole Webb Dean Holmes Riley Dunn Armstrong Wolfe
  Freeman Solomon Abraham Moses Isaac David Daniel Joseph Samuel Paul Mark Luke Peter Andrew Matthew`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Country names that are also English nouns: china (porcelain), turkey (the bird), japan (lacquer),
 * guinea (the pig, the fowl), chile (the pepper), chad (paper), panama (the hat), jersey. In a line
 * written in Title Case ("Bone China Plates", "Turkey Dinner Recipes") their capital letter says
 * nothing, so they need support there (see title-case.ts).
 */
export const COMMON_NOUN_NAMES: ReadonlySet<string> = new Set(
  'China Turkey Japan Guinea Chile Chad Panama Jersey'.split(' '),
);

/** Honorifics that make a title of a surname ("Mr Price"), as opposed to an office ("Spokesperson Price"). */
export const HONORIFICS: ReadonlySet<string> = new Set(
  'Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Dr Dr. Sir Dame Madam Mister'.split(' '),
);

/**
 * People's one-word names that are also English words ("Trump": a trump card, to trump): like a
 * bare surname, only where the words around read it as a name (rules.ts, referenceFits).
 */
export const WORDLIKE_NAMES: ReadonlySet<string> = new Set('Trump Love Power Price Painter Rice Bush Hope'.split(' '));

/**
 * Acronyms of organizations that stand for nothing else in English text: they count on any page.
 * Not "FOC" (field-oriented control), "DFI" (a board maker), "NSO" (an orchestra), "TTC" (Toronto's
 * transit), "IGF" (a hormone), "G7" (a phone): those need support (see senses.ts).
 */
export const WELL_KNOWN_ACRONYMS: ReadonlySet<string> = new Set(
  'UN U.N. EU OECD WTO USAID ICANN ECHRI ITWC'.split(' '),
);

/**
 * Frequent given names in English-language text that are not also English words or places (no
 * "Will", "May", "Grace", "Jordan"): before a country's name at the start of a sentence they make
 * it a surname ("Margaret Ireland, from Stroud, asks…").
 */
export const COMMON_GIVEN_NAMES: ReadonlySet<string> = new Set(
  `James John Robert Michael David William Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
  Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob
  Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick
  Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Zachary Douglas Peter Kyle Noah Ethan Jeremy
  Walter Christian Keith Roger Terry Austin Sean Gerald Carl Harold Dylan Arthur Lawrence Jordan Jesse Bryan
  Billy Bruce Gabriel Joe Logan Alan Juan Albert Willie Elijah Wayne Randy Vincent Mary Patricia Jennifer
  Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret Ashley Kimberly Emily
  Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura Cynthia Amy Kathleen
  Angela Shirley Brenda Emma Anna Pamela Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn Janet
  Maria Catherine Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn
  Judith Andrea Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail
  Sophia Frances Jean Alice Judy Isabella Julia Beverly Denise Marilyn Amber Danielle Brittany Diana Natalie
  Sophie Charlotte Margaret Eleanor Harriet Nigel Graham Ian Colin Trevor Derek Malcolm Gordon Kenji Hiroshi
  Priya Rahul Mei Wei Ahmed Mohammed Fatima Aisha Carlos Luis Miguel Jorge Pedro Ana Sofia Lucia Chris Jim Tom
  Mike Dave Bob Bill Sam Ned Howard`
    .split(/\s+/)
    .filter(Boolean),
);
