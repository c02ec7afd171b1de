// A place's name that begins a longer name of something else: "Jamaica Plain" (a neighbourhood),
// "Niger Delta", "China Garden" (a restaurant), "Peru Airways", "Georgia-Pacific" (a company),
// "Mexico City". The whole names a place, business or institution, not the country. Pure.
//
// The pack's own longer names always win: the matcher takes the longest alias at a position, so
// "Great Firewall of China" or "China's Foreign Ministry" are found before this rule is asked.
// Newspapers and broadcasters named after their country ("China Daily", "Japan Times", "Jamaica
// Observer") are titles, not the country acting: they are not marked either. A reader who wants
// China's state press highlighted is better served by an entity of its own in a pack.

/**
 * Capitalised words that, right after a country's or capital's name, make the whole the name of
 * something else. Only capitalised heads count: "China garden furniture" says nothing.
 */
const HEADS = new Set(
  `Delta Plain Plains Sea Bay Gulf Strait River Basin Valley Lake Lakes Island Islands Coast Canal Creek Falls
  Street St Avenue Ave Road Rd Boulevard Blvd Lane Drive Square Place Way Row Court Terrace Park Gardens Garden
  Hall House Kitchen Restaurant Café Cafe Bistro Grill Diner Bakery Bar Pub Tavern Palace Express Buffet Wok
  Hotel Inn Lodge Motel Resort Spa Salon Market Mart Store Stores Shop Outlet Mall Centre Center Plaza Station
  Group Ltd Ltd. Limited Inc Inc. Incorporated Corp Corp. Corporation Co Co. Company Holdings LLC PLC plc AG SA
  Bank Capital Fund Trust Partners Securities Insurance Ventures Industries Enterprises Investments
  Power Energy Electric Oil Gas Petroleum Steel Motors Mining Telecom Mobile Unicom Post Airways Airlines Air
  Railways Rail Shipping Lines Logistics Pharma Foods Brands Media Tech Labs Software Systems
  FC AFC United Rovers Athletic Wanderers Club Academy School College University Institute Hospital Clinic
  Church Chapel Temple Theatre Theater Cinema Museum Gallery Library Stadium Arena
  Daily Times Post Herald Today Observer Gleaner Tribune News Gazette Review Journal Star Sun Mirror
  City Town Village Township County Heights Springs Beach Point Pacific Trench Ridge Rise Current Plate Water`
    .split(/\s+/)
    .filter(Boolean),
);

/** The word after a name, right after a space or a hyphen, with the character that joined them. */
const NEXT_WORD = /^(?:[^\S\n\r]+|[-\u2010\u2011])(\p{Lu}[\p{L}\p{M}]*\.?)/u;

/** True when the text right after a place's name continues it into the name of something else. */
export function beginsLongerName(after: string): boolean {
  const joined = AND_NAME_THEN_HEAD.exec(after);
  if (joined !== null && INSTITUTIONS.has(joined[1] as string)) return true;
  // "Georgia's Diner", "Georgia's Soul Kitchen": a shop named after its owner.
  if (/^['’]s/.test(after) && headWithin(after.slice(2), VENUE_HEADS)) return true;
  // "the Peru-Chile Trench", "Israel–Premier Tech": a pair of names joined by a hyphen or a dash,
  // then a head.
  const pair = PAIR_THEN_HEAD.exec(after);
  if (pair !== null && HEADS.has(pair[1] as string)) return true;
  const next = NEXT_WORD.exec(after);
  if (!next) return false;
  const word = next[1] as string;
  if (HEADS.has(word) || HEADS.has(word.replace(/\.$/, ''))) return true;
  return false;
}

/** "Washington and Lee University": a pair of names joined by "and", then an institution. */
const AND_NAME_THEN_HEAD = /^[^\S\n\r]+(?:and|&)[^\S\n\r]+\p{Lu}[\p{L}\p{M}]*[^\S\n\r]+(\p{Lu}[\p{L}\p{M}]*)/u;
const INSTITUTIONS = new Set('University College Institute School Academy Hospital Seminary'.split(' '));

const PAIR_THEN_HEAD = /^[-\u2010\u2011\u2013]\p{Lu}[\p{L}\p{M}]*[^\S\n\r]+(\p{Lu}[\p{L}\p{M}]*)/u;

/**
 * Heads that make a shop, an eatery or a lodging of what comes before: after an organization's
 * name that is also a building's ("the White House Sub Shop", "White House Tavern"). Not its own
 * rooms and grounds ("White House Rose Garden"), nor company suffixes (the pack's companies are
 * named with them).
 */
const VENUE_HEADS = new Set(
  `Shop Shoppe Store Restaurant Café Cafe Bistro Grill Diner Bakery Bar Pub Tavern Inn Hotel Motel Lodge Deli
  Pizza Pizzeria Subs Farm Farms Market Salon Barbershop Cinema Apartments Estates Motors Kitchen House`
    .split(/\s+/)
    .filter(Boolean),
);

/** The capitalised words that run on after a name on its line: "Sub Shop" in "White House Sub Shop on…". */
const RUN_ON = /^(?:[^\S\n\r]+\p{Lu}[\p{L}\p{M}'’]*(?![\p{L}\p{M}]))+/u;

/**
 * True when the text after an organization's name makes the whole a shop or an eatery's name: a
 * venue's head within the next three capitalised words.
 */
export function beginsVenueName(after: string): boolean {
  return headWithin(after, VENUE_HEADS);
}

/** Heads of a company's or a programme's name. */
const COMPANY_HEADS = new Set(
  'Ltd Ltd. Limited Inc Inc. LLC PLC plc Co Co. Corp Corp. Company Services Solutions Group Program Programme'.split(
    ' ',
  ),
);

/**
 * True when the capitalised words after an initiative's name end in a company's or a programme's
 * head within three words: "Clean Network Ltd", "Forward Deployment Foster Program".
 */
export function beginsCompanyName(after: string): boolean {
  return headWithin(after, COMPANY_HEADS);
}

/** Whether one of the next three capitalised words after a name, on its line, is one of `heads`. */
function headWithin(after: string, heads: ReadonlySet<string>): boolean {
  const words = RUN_ON.exec(after)?.[0].trim().split(/\s+/) ?? [];
  return words.slice(0, 3).some((word) => heads.has(word));
}
