// Places below the level of a country, for the "Town, State" rule: a country's name followed by a
// comma and one of these is a town ("Lebanon, Ohio", "Mexico, Mo.", "Moscow, Idaho", "Jamaica,
// Queens"). Data, not a regex of a few towns. Pure.
//
// Left out on purpose: the names that are themselves countries or the US government's metonym
// ("Georgia", "Washington"), since "Armenia, Georgia and Azerbaijan" is a list of countries; their
// abbreviations ("Ga.", "Wash.") stay.

/** US states (and the District of Columbia), by name. */
const US_STATES = `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia
Wisconsin Wyoming`;
const US_STATES_OF_TWO_WORDS = [
  'New Hampshire',
  'New Jersey',
  'New Mexico',
  'New York',
  'North Carolina',
  'North Dakota',
  'Rhode Island',
  'South Carolina',
  'South Dakota',
  'West Virginia',
  'District of Columbia',
];

/** The AP stylebook's abbreviations, as datelines and local papers write them. */
const AP_ABBREVIATIONS = `Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. Mich.
Minn. Miss. Mo. Mont. Neb. Nebr. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. Penn. R.I. S.C. S.D. Tenn.
Tex. Vt. Va. Wash. W.Va. W.Va Wis. Wisc. Wyo. D.C.`;

/** Postal codes: only before the end of the text, punctuation or a ZIP code (see townOfState). */
const POSTAL_CODES = `AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY
NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON QC BC AB MB SK NS NB PE NL`;

/** Canadian provinces and territories, with their usual abbreviations. */
const CANADA = `Alberta Manitoba Ontario Quebec Québec Saskatchewan Yukon Nunavut Ont. Que. Alta. Man. Sask. Nfld.
N.S. N.B. P.E.I. B.C.`;
const CANADA_OF_TWO_WORDS = [
  'British Columbia',
  'New Brunswick',
  'Nova Scotia',
  'Prince Edward Island',
  'Newfoundland and Labrador',
  'Northwest Territories',
];

/** English, Scottish and Welsh counties, and a few old ones papers still use. */
const UK_COUNTIES = `Bedfordshire Berkshire Buckinghamshire Cambridgeshire Cheshire Cornwall Cumbria Derbyshire Devon
Dorset Durham Essex Gloucestershire Hampshire Herefordshire Hertfordshire Kent Lancashire Leicestershire
Lincolnshire Merseyside Norfolk Northamptonshire Northumberland Nottinghamshire Oxfordshire Rutland
Shropshire Somerset Staffordshire Suffolk Surrey Sussex Warwickshire Wiltshire Worcestershire Yorkshire
Aberdeenshire Argyll Ayrshire Fife Lanarkshire Perthshire Gwynedd Powys Pembrokeshire Glamorgan Anglesey
Cumberland Westmorland Middlesex`;
const UK_OF_TWO_WORDS = [
  'East Sussex',
  'West Sussex',
  'North Yorkshire',
  'South Yorkshire',
  'West Yorkshire',
  'East Yorkshire',
  'West Midlands',
  'Greater Manchester',
  'Isle of Wight',
  'County Durham',
  'Tyne and Wear',
  'East Ayrshire',
  'North Ayrshire',
  'South Ayrshire',
  'East Lothian',
  'West Lothian',
  'Midlothian',
  'Scottish Borders',
  'Dumfries and Galloway',
  'North Lanarkshire',
  'South Lanarkshire',
  'East Dunbartonshire',
  'West Dunbartonshire',
  'East Renfrewshire',
  'Highland',
  'Moray',
  'Angus',
  'Stirling',
  'Clackmannanshire',
  'Inverclyde',
  'Renfrewshire',
  'Carmarthenshire',
  'Ceredigion',
  'Denbighshire',
  'Flintshire',
  'Monmouthshire',
  'Conwy',
];

/** City boroughs and districts that follow a neighbourhood's name ("Jamaica, Queens"). */
const BOROUGHS = `Queens Brooklyn Bronx Manhattan Harlem`;
const BOROUGHS_OF_TWO_WORDS = ['Staten Island', 'the Bronx', 'New York City'];

const words = (list: string) => list.split(/\s+/).filter(Boolean);

/** The US states by their full names (not Georgia or Washington: see above). */
export const US_STATE_NAMES: readonly string[] = [...words(US_STATES), ...US_STATES_OF_TWO_WORDS];

/**
 * The US states as a dateline or an agency's name writes them: by name (Georgia and Washington
 * included: after "Savannah," or before "Department of State" they are the states) and by the AP's
 * abbreviation. Not the District of Columbia.
 */
export const US_STATES_IN_DATELINES: readonly string[] = [
  ...words(US_STATES),
  ...US_STATES_OF_TWO_WORDS.filter((name) => name !== 'District of Columbia'),
  'Georgia',
  'Washington',
  ...words(AP_ABBREVIATIONS).filter((abbreviation) => abbreviation !== 'D.C.'),
].sort((a, b) => b.length - a.length);

/** Every region a town's name may be followed by, longest first so that "New York City" wins. */
export const REGIONS: readonly string[] = [
  ...words(US_STATES),
  ...US_STATES_OF_TWO_WORDS,
  ...words(AP_ABBREVIATIONS),
  ...words(CANADA),
  ...CANADA_OF_TWO_WORDS,
  ...words(UK_COUNTIES),
  ...UK_OF_TWO_WORDS,
  ...words(BOROUGHS),
  ...BOROUGHS_OF_TWO_WORDS,
].sort((a, b) => b.length - a.length);

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SPACE = '[\\s\\u00A0]';

// A region ends where a word ends; an abbreviation ends with its dot.
const REGION_AFTER_COMMA = new RegExp(
  `^${SPACE}*,${SPACE}*(?:${REGIONS.map((r) => escapeRegExp(r).replace(/ /g, `${SPACE}+`)).join('|')})(?!\\p{L})`,
  'u',
);
// A postal code is also an English word in capitals ("IN", "OR", "ME"): only where nothing but the
// end, punctuation, a dash or a ZIP code follows ("Paris, TX.", "Moscow, ID 83843").
const POSTAL_AFTER_COMMA = new RegExp(
  `^${SPACE}*,${SPACE}*(?:${words(POSTAL_CODES).join('|')})(?=${SPACE}*(?:$|[.,;:!?)\\]\\u2013\\u2014-]|\\d{5}))`,
  'u',
);

/**
 * True when the text right after a place's name makes it a town: a comma and a US state, a state's
 * abbreviation or postal code, a Canadian province, a UK county or a city borough.
 */
export function townOfRegion(after: string): boolean {
  return REGION_AFTER_COMMA.test(after) || POSTAL_AFTER_COMMA.test(after);
}

/** "China and Sweden, Maine": the next name of a list, whose region comes after the last one. */
const AND_NEXT_NAME = /^[^\S\n\r]+(?:and|&)[^\S\n\r]+\p{Lu}[\p{L}\p{M}.'’-]*(?:[^\S\n\r]+\p{Lu}[\p{L}\p{M}.'’-]*)?/u;

/**
 * True when the text after a place's name makes it a town, itself or as the first of a pair of
 * towns in one region ("Peru and Norway, Ill.").
 */
export function townAfter(after: string): boolean {
  if (townOfRegion(after)) return true;
  const next = AND_NEXT_NAME.exec(after);
  return next !== null && townOfRegion(after.slice(next[0].length));
}

/** "34, of", "both of", "the village of", and the names of a list after "the towns of". */
const TOWN_BEFORE =
  /(?:,[^\S\n\r]*\d{1,3},[^\S\n\r]+of|\bboth[^\S\n\r]+of|\b(?:villages?|towns?|townships?|hamlets?)[^\S\n\r]+of(?:[^\S\n\r]+\p{Lu}[\p{L}\p{M}'’-]*(?:,|[^\S\n\r]+and|,[^\S\n\r]+and))*)[^\S\n\r]+$/u;

/**
 * True when the words before a place's name make it somebody's home town, as local papers write:
 * "Israel Ortega, 34, of Luxembourg", "both of Luxembourg", "the village of Luxembourg", "the
 * towns of Russia, Poland and Norway".
 */
export function townBefore(before: string): boolean {
  return TOWN_BEFORE.test(before);
}

/**
 * A dateline in capitals at the start of a text, naming a town and its region: "BRAZIL, Ind. —",
 * "GREECE, N.Y. —". The town's name as running text writes it ("Brazil"), or null.
 */
export function datelineTown(text: string): string | null {
  const found = DATELINE.exec(text);
  if (!found || !townOfRegion(text.slice(found[0].length - 1))) return null;
  return (found[1] as string)
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

const DATELINE = /^\s*(\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*),/u;
