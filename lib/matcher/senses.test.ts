// The rules for pages about something else, each as a table on the real pack: what one text
// finds, or what a text finds after others were read on the same page.
import { describe, expect, it } from 'vitest';
import { onPage } from '../../tests/support/on-page';
import { beginsLongerName } from './longer-names';
import { townOfRegion } from './place-names';
import { isTitleCaseLine } from './title-case';

describe('town, state: a country name followed by a comma and a region is a town', () => {
  it.each([
    'Peru, Indiana',
    'Poland, Ohio',
    'Norway, Maine',
    'China, Maine',
    'Moscow, Idaho',
    'Moscow, ID 83843',
    'Peru, Ill., where',
    'Poland, N.Y.',
    'Denmark, Wis.',
    'Jamaica, Queens',
    'Peru, TX.',
    'Norway, Ontario',
    'Jamaica, Staten Island',
    'Peru, Nova Scotia',
    'Poland, Kent',
  ])('finds no country in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it.each([
    ['Peru, India and Brazil signed', ['Peru', 'India', 'Brazil']],
    ['Ukraine, Georgia and Moldova', ['Ukraine', 'Georgia', 'Moldova']],
    ['Norway, Sweden', ['Norway', 'Sweden']],
    // A postal code is an English word in capitals: only before punctuation, a dash or a ZIP code.
    ['Peru, OR the region around it', ['Peru']],
    ['Moscow, Washington and Beijing', ['Moscow', 'Washington', 'Beijing']],
  ])('keeps the countries of %j', (text, names) => {
    expect(onPage(text).map(([name]) => name)).toEqual(names);
  });

  it('says a region follows only where one does', () => {
    expect(townOfRegion(', Ohio, a town')).toBe(true);
    expect(townOfRegion(', Ohioans said')).toBe(false);
    expect(townOfRegion(' Ohio')).toBe(false);
    expect(townOfRegion(', New York City')).toBe(true);
  });
});

describe('a name that begins a longer name of something else', () => {
  it.each([
    'Jamaica Plain',
    'the Niger Delta',
    'dinner at China Garden',
    'the China Garden Restaurant',
    'Kenya Airways',
    'the Japan Times reported',
    'China Daily said',
    'Moscow Times',
    'the Niger-Delta',
    'Poland Street',
    'India Kitchen',
    'Peru FC won',
    'China Power shares rose',
    'Georgia-Pacific',
    // An initiative's name at the head of a longer title.
    'the Great Canon of St. Andrew of Crete',
    'the Declaration of Independence',
  ])('finds no country in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it.each([
    // The pack's own longer names win.
    ['the Great Firewall of China', [['Great Firewall of China', 'initiative:great-firewall']]],
    ["China's Foreign Ministry said", [["China's Foreign Ministry", 'org:china-mfa']]],
    // A lowercase word, a hyphenated adjective, a comma: the country.
    ['China garden furniture', [['China', 'country:cn']]],
    ['China-based firms', [['China', 'country:cn']]],
    ['Japan, Power and the others', [['Japan', 'country:jp']]],
    [
      'US-China talks',
      [
        ['US', 'country:us'],
        ['China', 'country:cn'],
      ],
    ],
  ])('keeps %j', (text, expected) => {
    expect(onPage(text)).toEqual(expected);
  });

  it('reads only a capitalised head right after a space or a hyphen', () => {
    expect(beginsLongerName(' Garden')).toBe(true);
    expect(beginsLongerName('-Delta')).toBe(true);
    expect(beginsLongerName(' garden')).toBe(false);
    expect(beginsLongerName(', Garden')).toBe(false);
    expect(beginsLongerName(' Gardening')).toBe(false);
  });
});

describe("an organization's name at the head of a shop's", () => {
  it.each([
    'Heading south? The White House Sub Shop on Arctic Avenue still makes the best sub.',
    'lunch at the White House Tavern',
    'White House Pizza delivers',
    'the White House Black Market Store in the mall',
  ])('finds nothing in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it.each([
    ['the White House Rose Garden', 'White House'],
    ['the White House Press Office said', 'White House'],
    // A heading's capitals say nothing: "White House Shop Talk" is about the White House.
    ['White House Shop Talk', 'White House'],
    ['the White House said the shop', 'White House'],
  ])('keeps the organization in %j', (text, name) => {
    expect(onPage(text).map(([found]) => found)).toEqual([name]);
  });
});

describe("a state's Department of State", () => {
  it.each([
    'The Pennsylvania Department of State certified the results.',
    "Florida's Department of State registers companies.",
    "Washington, Pa.:\nThe Department of State certifies county's mail ballots after recount.",
    'HARRISBURG, Pa. — The Department of State said turnout was high.',
  ])('finds nothing in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it.each([
    'The Department of State said on Monday that talks would resume.',
    'WASHINGTON — The Department of State said on Monday that talks would resume.',
    'The U.S. Department of State said so.',
  ])('finds the federal department in %j', (text) => {
    expect(onPage(text).map(([, entity]) => entity)).toContain('org:state-department');
  });
});

describe('a place that is an American team', () => {
  it.each([
    'Georgia closes the season a week after Washington visits Atlanta for a neutral-site game.',
    'The Bulldogs held UK to 41 rushing yards.',
    'Washington scored two touchdowns in the first half.',
  ])('finds no country in %j', (text) => {
    expect(onPage(text).filter(([, entity]) => entity?.startsWith('country:'))).toEqual([]);
  });

  it('settles the page: after "held UK to 41 rushing yards", a bare UK is the university', () => {
    expect(
      onPage('The Bulldogs held UK to 41 rushing yards.', '"We knew UK would come in here and play physical."'),
    ).toEqual([]);
  });

  it.each([
    ['Washington imposed new export controls on Monday.', 'Washington'],
    ['The UK joined the Declaration.', 'UK'],
    ['London and the UK government disagreed on the playbook.', 'UK'],
  ])('keeps the country in %j', (text, name) => {
    expect(onPage(text).map(([found]) => found)).toContain(name);
  });
});

describe('one sense per page', () => {
  it.each([
    [['Flights from Atlanta, Georgia, resumed.'], 'Georgia lawmakers met on Monday.'],
    [['The state of Georgia sued.'], 'Georgia said it would appeal.'],
    [['Georgia-Pacific cut jobs.'], 'Georgia mills are closing.'],
    [['Seattle, Washington is wet.'], 'Washington approved the budget.'],
    [['Visit Poland, Ohio this summer.'], 'Poland has a new mayor.'],
    // A person's name: on a page about Denzel or George Washington, "Washington" is the man.
    [['Denzel Washington stars.'], 'Washington said no.'],
    [['George Washington slept here.'], 'Washington said no.'],
    [['Her name is Georgia Whitaker.'], 'Georgia said no.'],
    [['Former chairman Brian France spoke.'], 'France said no.'],
  ])('after %j, finds nothing in %j', (earlier, text) => {
    expect(onPage(...earlier, text)).toEqual([]);
    // The same text on a page that said nothing before names the country.
    expect(onPage(text)).not.toEqual([]);
  });

  it.each([
    // Within one text, a later cue settles an earlier bare use too.
    'Washington stars as Hannibal in a new epic; Washington, 70, has said it may be his last.',
    'Georgia 38, Kentucky 13',
    'Georgia and Alabama play on Saturday.',
    'The app sets your text in Georgia by default, with Verdana for menus.',
  ])('finds nothing in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it.each([
    // Cues for the country in the text itself win over the page's leaning.
    [['Atlanta, Georgia is hot.'], 'Georgia, in the Caucasus, signed.', [['Georgia', 'country:ge']]],
    // Clear evidence for the pack's sense as strong as the other's: the pack's sense stands.
    [['Savannah, Georgia.', 'Tbilisi, Georgia.'], 'Georgia said no.', [['Georgia', 'country:ge']]],
    // A place named after a person is no evidence about the name.
    [['She studied at George Washington University.'], 'Washington said no.', [['Washington', 'country:us']]],
    // The country's capital near a bare use says which sense it has, whatever the page leant to.
    [
      ['Visit China, Maine.'],
      "Beijing: China's central bank held rates.",
      [
        ['Beijing', 'country:cn'],
        ['China', 'country:cn'],
      ],
    ],
    // Without any evidence, the pack's sense.
    [[], 'Georgia signed the Declaration.', [['Georgia', 'country:ge']]],
  ])('after %j, finds in %j', (earlier, text, expected) => {
    expect(onPage(...earlier, text)).toEqual(expected);
  });
});

describe('a name that is also a noun, in a Title Case line', () => {
  it.each(['Bone China Plates', 'Fine China Dinnerware Set', 'Japan Lacquer Boxes', 'Vintage Bone China'])(
    'finds nothing in %j',
    (text) => {
      expect(onPage(text)).toEqual([]);
      // Having named the country elsewhere is not support: a shop says "Made in China" too.
      expect(onPage('Made in China.', text)).toEqual([]);
    },
  );

  it.each([
    ['China Tightens Rules On Data', ['China']],
    ["China's New Data Rules", ['China']],
    ['Made In China', ['China']],
    ['Japan And Brazil Sign Pact', ['Japan', 'Brazil']],
    ['Talks In Japan And China', ['Japan', 'China']],
    ['China signed the declaration.', ['China']],
    ['China', ['China']],
  ])('finds the country in %j', (text, names) => {
    expect(onPage(text).map(([name]) => name)).toEqual(names);
  });

  it('lets a page about the documents support it', () => {
    expect(onPage('Antony Blinken and the Freedom Online Coalition met.', 'Tensions Over China').length).toBe(1);
    expect(onPage('Tensions Over China')).toEqual([]);
  });

  it('tells a Title Case line from a sentence', () => {
    const at = (text: string) => isTitleCaseLine(text, text.indexOf('China'), text.indexOf('China') + 5);
    expect(at('Bone China Plates')).toBe(true);
    expect(at('Plates of China and More')).toBe(true);
    expect(at('We sell bone China plates.')).toBe(false);
    expect(at('China')).toBe(false);
    expect(at('Sale. Bone China Plates | Cups')).toBe(true);
  });
});

describe("an organization's or an initiative's acronym", () => {
  it.each([
    'a motor kit with a FOC controller',
    'built on a DFI board',
    'The NSO returns from Japan',
    'since the G7 phone',
  ])('finds nothing but countries in %j on a page that never named it', (text) => {
    expect(onPage(text).filter(([, id]) => !id?.startsWith('country:'))).toEqual([]);
  });

  it.each([
    [['The Freedom Online Coalition met.'], 'The FOC said', [['FOC', 'initiative:foc']]],
    [['Antony Blinken and the Clean Network program.'], 'The FOC said', [['FOC', 'initiative:foc']]],
    // Another of the documents' organizations in the same line.
    [
      [],
      'the G7 and the G20',
      [
        ['G7', 'org:g7'],
        ['G20', 'org:g20'],
      ],
    ],
    // Acronyms that stand for nothing else, and acronyms that are an organization's name.
    [[], 'The OECD cut its forecast', [['OECD', 'org:oecd']]],
    [[], 'He worked for USAID', [['USAID', 'org:usaid']]],
    [[], 'ZTE phones', [['ZTE', 'org:zte']]],
  ])('after %j, finds in %j', (earlier, text, expected) => {
    expect(onPage(...earlier, text)).toEqual(expected);
  });
});

describe('a name that the words after it make a person or a thing', () => {
  it.each([
    // A life's span: an obituary's heading, a caption.
    'India Washington\n1938 – 2025',
    // A place that is a given name, then one that is a surname: a person, even in a heading.
    'India Washington',
    'Obituary: Georgia Jordan',
    'Georgia Smith (1950–2020)',
    'Chad (March 2, 1941 – October 28, 2025)',
    // An appositive or a participle that says what it is: a drink, a shop.
    'with Malta, the sweet malt soda sold in every bodega',
    'Amaro Montenegro, made in Bologna since 1885',
    'Jamaica, a hearty bean dish with cornbread',
  ])('finds no country in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it.each([
    ['Malta, the smallest member state, voted no.', 'Malta'],
    ['Georgia, the birthplace of wine, exports more every year.', 'Georgia'],
    ['Japan, the tea country, signed.', 'Japan'],
    ['Japan, the tea and rice exporter, signed.', 'Japan'],
    ['Japan, 1945–1952, was occupied.', 'Japan'],
    ['Ukraine, a NATO partner, said no.', 'Ukraine'],
  ])('keeps the country in %j', (text, name) => {
    expect(onPage(text).map(([found]) => found)).toEqual([name]);
  });

  it('settles the page: after "Malta, the malt soda", a bare Malta is the soda', () => {
    expect(onPage('Top it with Malta, the sweet malt soda.', 'Pour the Malta over ice.')).toEqual([]);
  });
});

describe('a town by the words before it, or in a pair of towns', () => {
  it.each([
    'Israel Ortega, 34, of Luxembourg, was sentenced.',
    'Tyler Price and Ashley Krueger, both of Luxembourg.',
    'a farm in the village of Luxembourg',
    'growers near China and Sweden, Maine, report damage',
    'the roads between Peru and Norway, Ill., are bad',
  ])('finds no country in %j', (text) => {
    expect(onPage(text).filter(([, entity]) => entity?.startsWith('country:'))).toEqual([]);
  });

  it('settles the page: after "Ortega, 34, of Luxembourg", "A Luxembourg woman" is from the village', () => {
    expect(onPage('Israel Ortega, 34, of Luxembourg, was sentenced.', 'A Luxembourg woman reported a scam.')).toEqual(
      [],
    );
  });

  it.each([
    ['Talks between Japan and Korea resumed.', ['Japan']],
    ['The talks are in the city of Luxembourg and in Brussels.', ['Luxembourg']],
    ['Exports from Japan and Poland, a new member, grew.', ['Japan', 'Poland']],
  ])('keeps the countries of %j', (text, names) => {
    expect(onPage(text).map(([name]) => name)).toEqual(names);
  });
});

describe('a place’s name as a person’s, in running text', () => {
  it.each([
    'the engagement of their daughter, India, to Samuel Okafor',
    'Walter and June Ireland of Canfield celebrated',
    'Kamasi Washington and his band played on.',
    'Jazz: Kamasi Washington at the Barbican',
  ])('finds no country in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it.each([
    ['Yesterday Washington imposed new rules.', 'Washington'],
    ['Officials in Washington said no.', 'Washington'],
    ['Accused Washington of hypocrisy, the ministry said.', 'Washington'],
    ['She met India and Japan at the summit.', 'India'],
  ])('keeps the country in %j', (text, name) => {
    expect(onPage(text).map(([found]) => found)).toContain(name);
  });
});

describe('a work or a thing named after a place', () => {
  it.each([
    'her cover of Georgia on My Mind, slowed down',
    'Why a remix of Peru is still the song of every wedding',
    'a set of Bone China, a gift',
    'the bakeries of Little Portugal',
    'Canada thistle is coming on strong',
    // An initiative's name given to a game's mission.
    'Forward Deployment, the third, drops your squad behind the lines',
  ])('finds nothing in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it.each([
    ['a version of China’s plan', 'China'],
    ['Peru in the rain is lovely.', 'Peru'],
    ['They came from Portugal, in 1974.', 'Portugal'],
  ])('keeps the country in %j', (text, name) => {
    expect(onPage(text).map(([found]) => found)).toContain(name);
  });

  it('a neighbourhood named after a country says nothing of the page’s other uses', () => {
    expect(onPage('The cafés of Little Portugal.', 'They came from the Azores, in Portugal.')).toEqual([
      ['Portugal', 'country:pt'],
    ]);
  });
});

describe('more cues for a US state, a university, a team', () => {
  it.each([
    'My grandson is stationed at Fort Moore in Georgia, and he likes it.',
    'He went to the University of Kentucky, where he ran track for UK.',
    'She graduated from Washington and Lee University.',
  ])('finds no country in %j', (text) => {
    expect(onPage(text).filter(([, entity]) => entity?.startsWith('country:'))).toEqual([]);
  });
});

describe('names of other things, datelines and more cues (from the second held-out set)', () => {
  it.each([
    'the Canadian Pacific liner Empress of Ireland was struck in fog',
    'the school chapter of the Future Farmers of America, who came to ask',
    'Customer assistants: Iceland, Southwark Park Road, is looking for staff.',
    'Georgia · Beagle mix · Female · 9 years',
    'Two Norway rats: Biscuit and Gravy.',
    'Brooks has signed with Georgia and will play in the SEC next fall.',
    'no peach cobbler here, nothing from the Georgia of pecans and Coca-Cola',
    'an aunt who paints bad imitations of the Group of Seven',
    'Office cleaners: Clean Network Ltd is recruiting.',
    'Foster a pet through our Forward Deployment Foster Program.',
    'Margaret Ireland, from Stroud, asks about slugs.',
    'Tyler Mace, now a walk-on guard at UK, visited.',
  ])('finds nothing in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it('a dateline in capitals settles the page: "BRAZIL, Ind. —", then "north of Brazil" is the town', () => {
    expect(onPage('BRAZIL, Ind. — The board voted on Monday.', 'The routes north of Brazil are long.')).toEqual([]);
    expect(onPage('The routes north of Brazil are long.')).toEqual([['Brazil', 'country:br']]);
  });

  it.each([
    ['The Prime Minister of Japan arrived.', 'Japan'],
    ['with help from the Trade Commission of Belgium and the Consulate General of Japan', 'Japan'],
    ['with help from the Trade Commission of Belgium and the Consulate General of Japan', 'Belgium'],
    ['Exports of China grew in May.', 'China'],
    ['Hiroshi · Osaka, Japan · Solo Traveller', 'Japan'],
    ['The hotel was full of delegates for a G7 ministers’ meeting.', 'G7'],
    ['one of the finest novels about coming to Canada I have read', 'Canada'],
    ['The Group of Seven met in Hiroshima.', 'Group of Seven'],
  ])('keeps the name in %j', (text, name) => {
    expect(onPage(text).map(([found]) => found)).toContain(name);
  });
});

describe('namesakes, towns and teams (from the third held-out set)', () => {
  it.each([
    'The panel will be moderated by Professor Ned Price of the political science department.',
    'Jim Love ’75 retired after 40 years as a large-animal vet.',
    'Looking for anyone descended from Ned Price (1822–1891), blacksmith of Cold Brook.',
    'KRAUSS. Looking for the family’s papers.\n— Jim Love, Herkimer',
    'a flat finish in Washington, the new town between Newcastle and Sunderland',
    'Roche Harbor and Friday Harbor, Washington, are both ports of entry.',
    'If you only know the wines of Georgia the state, try these.',
    'a co-operative of six orchards in north Georgia',
    'Chamber names Georgia’s Diner small business of the year',
    'everybody looking at the Israel–Premier Tech boys to chase',
    'the Northern Ireland champion was third',
    'the village named Moscow, East Ayrshire, hangs a banner',
    'Jamaica shorts in stone linen',
    'the old schoolhouse in the towns of Russia, Poland and Norway',
    'Racing · Tour of Britain',
    'Photo: new housing on U.S. 40. Photo: Ledger staff',
  ])('finds nothing in %j', (text) => {
    expect(onPage(text).filter(([, entity]) => !entity?.startsWith('org:'))).toEqual([]);
  });

  it('words of foreign affairs lift a name the page had settled elsewhere', () => {
    expect(
      onPage('The council of Italy, Texas, met.', 'A delegation of eleven from Italy, led by a mayor, visits.'),
    ).toEqual([['Italy', 'country:it']]);
    expect(onPage('The council of Italy, Texas, met.', 'The library in Italy opens late.')).toEqual([]);
  });

  it('a list with other names found lifts a name the page had settled elsewhere', () => {
    expect(
      onPage('Columbia Valley Syrah, Washington State', 'The EU and Washington have put off the wine tariffs.'),
    ).toEqual([
      ['EU', 'org:eu'],
      ['Washington', 'country:us'],
    ]);
    expect(onPage('Columbia Valley Syrah, Washington State', 'Washington has lovely wineries.')).toEqual([]);
  });

  it.each([
    ['Secretary of State Antony Blinken arrived.', 'Secretary of State Antony Blinken'],
    ['Beijing, Washington, Moscow and Paris sent envoys.', 'Washington'],
    ['Georgia, the state that lies between Russia and Turkey, voted.', 'Georgia'],
    ['a tour of Britain by train', 'Britain'],
  ])('keeps the name in %j', (text, name) => {
    expect(onPage(text).map(([found]) => found)).toContain(name);
  });
});

describe('labels, vessels, films and listings (from the fourth held-out set)', () => {
  it.each([
    'a silver-mounted decanter with a "Jamaica" rum label',
    'a bone china dinner service in the “Georgia” pattern',
    'knitted in the colourway "Jamaica", a riot of green',
    'Captain Elias Price of the freighter Moscow, bound for Titan',
    'The Moscow had been dead for sixty years.',
    '3:00 (AMC) Brazil (1985). Terry Gilliam’s comedy.',
    '1:30 (TCM) Moscow on the Hudson (1984).',
    'Food trucks\nTaste of Peru — lomo saltado',
    'College Basketball: Georgia at UK, 8 p.m.',
    'visitors from twenty-two states, from Georgia to Washington',
    'restaurants, including Georgia’s Soul Kitchen and the grill',
  ])('finds nothing in %j', (text) => {
    expect(onPage(text)).toEqual([]);
  });

  it.each([
    ['The United States had agreed.', 'United States'],
    ['The Netherlands has signed.', 'Netherlands'],
    ['former Soviet states such as Georgia', 'Georgia'],
    ['Exports of China fell in May.', 'China'],
    ['He said "Japan" twice, and meant the country.', 'Japan'],
  ])('keeps the country in %j', (text, name) => {
    expect(onPage(text).map(([found]) => found)).toContain(name);
  });
});

describe('a page whose other sense of a name is a person’s (from the fifth held-out set’s misses)', () => {
  it.each([
    [['India Fletcher, aged twelve, won her first game.'], 'Congratulations to India, who won the Olympiad.', 'India'],
    [['India Baker will lead a trunk show.'], 'Block-printed cottons from India are on sale.', 'India'],
    // A capitalised word before a name that is not a given name says nothing of the page.
    [['TAP Air Portugal flies non-stop.'], 'Portugal in November is mild.', 'Portugal'],
  ])('after %j, finds the country in %j', (earlier, text, name) => {
    expect(onPage(...earlier, text).map(([found]) => found)).toContain(name);
  });

  it('a bare use with no preposition of place still follows the person', () => {
    expect(onPage('India Baker will lead a trunk show.', 'India will also bring a quilt.')).toEqual([]);
  });

  it('an acronym before its talks is the organization', () => {
    expect(onPage('news about tobacco exports and the G20 talks on farm subsidies').map(([f]) => f)).toContain('G20');
  });
});
