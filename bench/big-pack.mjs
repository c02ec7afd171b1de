// A large knowledge pack for the benchmark, generated deterministically (the same seed gives the
// same bytes): about 2,000 made-up entities with 5 aliases each, 10,000 in all, in the scripts
// Gloss meets (Latin with accents, Cyrillic, Greek, Arabic, Chinese): people with titles and
// surnames, organizations with acronyms and translated names, places, initiatives. Every role and
// relation quotes its sentence verbatim from one of the pack's documents, as readPackFile
// (lib/knowledge/pack-file.ts) requires. Nothing here is real; the names only look like names.

import { ACCENTED, BODIES, COMPACTS, DOMAINS, PEOPLE, PLACE_FORMS, QUALIFIERS, SYLLABLES } from './big-pack-words.mjs';
import { mulberry32 } from './fixtures.mjs';

const cap = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const slug = (text) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The pack as a JS object: `entities` entities (people, organizations, places, initiatives in the
 * proportions 2:3:2:1... see below), 5 aliases each, one role each quoting a sentence of one of
 * `documents` documents, and a relation for every person (works for an organization).
 */
export function generateBigPack({ entities: count = 2000, documents: docCount = 40, seed = 20_000 } = {}) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const used = new Set();
  /** Alias texts are unique across the pack (no entity shares a name with another). */
  const fresh = (texts) => {
    if (texts.some((t) => used.has(t)) || new Set(texts).size !== texts.length) return false;
    for (const t of texts) used.add(t);
    return true;
  };
  const ids = new Set();
  const entityList = [];
  const add = (entity) => {
    let id = entity.id;
    for (let n = 2; ids.has(id); n++) id = `${entity.id}-${n}`;
    ids.add(id);
    entityList.push({ ...entity, id });
    return id;
  };

  const places = [];
  const organizations = [];
  const plan = {
    place: Math.round(count * 0.2),
    organization: Math.round(count * 0.3),
    initiative: Math.round(count * 0.1),
  };
  plan.official = count - plan.place - plan.organization - plan.initiative;

  // Places.
  while (places.length < plan.place) {
    const parts = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES));
    let latin = cap(parts.map((p) => p[0]).join(''));
    // An accent on one vowel, as in many real place names.
    if (random() < 0.5) {
      const vowels = [...latin].map((c, i) => (ACCENTED[c] ? i : -1)).filter((i) => i > 0);
      if (vowels.length > 0) {
        const i = pick(vowels);
        latin = latin.slice(0, i) + ACCENTED[latin[i]] + latin.slice(i + 1);
      }
    }
    const form = pick(PLACE_FORMS);
    const script = (k) => parts.map((p) => p[k]).join('');
    const native = [
      { text: cap(script(1)), kind: 'translation', lang: 'ru' },
      { text: cap(script(2)).normalize('NFC'), kind: 'translation', lang: 'el' },
      { text: script(3), kind: 'translation', lang: 'ar' },
      { text: script(4), kind: 'translation', lang: 'zh' },
    ];
    const dropped = Math.floor(random() * native.length);
    const nativeThree = native.filter((_, i) => i !== dropped);
    const aliases = [{ text: latin, kind: 'name' }, { text: `${form} ${latin}`, kind: 'name' }, ...nativeThree];
    if (!fresh(aliases.map((a) => a.text))) continue;
    const id = add({ id: `country:${slug(latin)}`, type: 'country', name: latin, aliases });
    places.push({ id, name: latin });
  }

  // Organizations and initiatives: name, acronym, French, and two other scripts.
  const institution = (type, nouns) => {
    const q = pick(QUALIFIERS);
    const d = pick(DOMAINS);
    const b = pick(nouns);
    const place = pick(places);
    const withPlace = random() < 0.5;
    const name = `${q[0]} ${d[0]} ${b[0]}${withPlace ? ` of ${place.name}` : ''}`;
    const acronym = `${q[0][0]}${d[0][0]}${b[0][0]}${withPlace ? place.name[0].toUpperCase() : ''}`;
    const suffix = withPlace ? ` de ${place.name}` : '';
    const renderings = [
      { text: `${cap(b[3])} ${d[3]} ${q[2]} ${d[2]}`.replace(/\s+/g, ' '), kind: 'translation', lang: 'ru' },
      { text: `${q[3]} ${b[3]} ${d[3]}`, kind: 'translation', lang: 'el' },
      { text: `${b[4]} ${d[4]} ${q[4]}`, kind: 'translation', lang: 'ar' },
      { text: `${q[5]}${d[5]}${b[5]}`, kind: 'translation', lang: 'zh' },
    ];
    // Cyrillic: the body first, then its qualifier and domain, as Russian names read.
    renderings[0].text = `${cap(q[2])} ${b[2]} ${d[2]}`;
    const two = [pick(renderings)];
    while (two.length < 2) {
      const r = pick(renderings);
      if (r !== two[0]) two.push(r);
    }
    const aliases = [
      { text: name, kind: 'name' },
      { text: acronym, kind: 'acronym' },
      { text: `${b[1]} ${d[1]} ${q[1]}${suffix}`, kind: 'translation', lang: 'fr' },
      ...two,
    ];
    return { name, aliases, prefix: type === 'organization' ? 'org' : 'initiative' };
  };
  const makeInstitutions = (type, nouns, total) => {
    let made = 0;
    while (made < total) {
      const { name, aliases, prefix } = institution(type, nouns);
      // An acronym already taken makes the name ambiguous: drawn again instead.
      if (!fresh(aliases.map((a) => a.text))) continue;
      const id = add({ id: `${prefix}:${slug(name)}`, type, name, aliases });
      if (type === 'organization') organizations.push({ id, name });
      made++;
    }
  };
  makeInstitutions('organization', BODIES, plan.organization);
  makeInstitutions('initiative', COMPACTS, plan.initiative);

  // People: full name in their script, the Latin spelling, title + surname, the native title +
  // surname, and the bare surname as a reference (matched only after the full name).
  const groups = Object.keys(PEOPLE);
  let people = 0;
  while (people < plan.official) {
    const group = PEOPLE[pick(groups)];
    const title = pick(PEOPLE.latin.titles);
    let aliases;
    let name;
    if (group === PEOPLE.latin) {
      const first = pick(group.first);
      const last = pick(group.last);
      name = `${first} ${last}`;
      aliases = [
        { text: name, kind: 'name' },
        { text: `${first[0]}. ${last}`, kind: 'name' },
        { text: `${title} ${last}`, kind: 'title' },
        { text: `${pick(group.native)} ${last}`, kind: 'title' },
        { text: last, kind: 'reference' },
      ];
    } else {
      const [firstNative, firstLatin] = pick(group.first);
      const [lastNative, lastLatin] = pick(group.last);
      const chinese = group === PEOPLE.chinese;
      name = chinese ? `${lastLatin} ${firstLatin}` : `${firstLatin} ${lastLatin}`;
      const nativeName = chinese ? `${lastNative}${firstNative}` : `${firstNative} ${lastNative}`;
      const nativeTitle = chinese ? `${lastNative}${pick(group.native)}` : `${pick(group.native)} ${lastNative}`;
      aliases = [
        { text: name, kind: 'name' },
        { text: nativeName, kind: 'name' },
        { text: `${title} ${lastLatin}`, kind: 'title' },
        { text: nativeTitle, kind: 'title' },
        { text: `${name} (${nativeName})`, kind: 'name' },
      ];
    }
    // A full name drawn twice is another person with the same name: drawn again instead. Titles
    // and surnames are shared by many people, as in life, so only full names must be unique.
    const unique = aliases.filter((a) => a.kind === 'name').map((a) => a.text);
    if (!fresh(unique)) continue;
    add({ id: `person:${slug(name) || 'p'}`, type: 'official', name, aliases });
    people++;
  }

  // Documents: each entity gets one sentence, in one document; its role and relation quote it.
  const docs = Array.from({ length: docCount }, (_, i) => ({
    id: `bulletin-${String(i + 1).padStart(3, '0')}`,
    title: `Regional bulletin no. ${i + 1}`,
    publisher: 'Benchmark Gazette (generated)',
    date: `2026-${String((i % 12) + 1).padStart(2, '0')}`,
    sentences: [],
  }));
  for (const [i, entity] of entityList.entries()) {
    const doc = docs[i % docs.length];
    let sentence;
    entity.relations = [];
    if (entity.type === 'official') {
      const org = pick(organizations);
      sentence = `${entity.name} was appointed to lead the ${org.name} in ${2000 + (i % 26)}.`;
      entity.relations.push({ type: 'works-for', target: org.id, source: doc.id, quote: sentence });
    } else if (entity.type === 'country') {
      sentence = `${entity.name} reported a record harvest and reopened ${3 + (i % 9)} of its river ports.`;
    } else if (entity.type === 'initiative') {
      const place = pick(places);
      sentence = `The ${entity.name} was signed by ${place.name} after ${4 + (i % 20)} rounds of talks.`;
      entity.relations.push({ type: 'signed', target: entity.id, source: doc.id, quote: sentence });
      // The signatory signs, not the initiative itself: the relation belongs to the place.
      const signatory = entityList.find((e) => e.id === place.id);
      signatory.relations ??= [];
      signatory.relations.push(entity.relations.pop());
    } else {
      sentence = `The ${entity.name} published its annual report on ${1 + (i % 28)} March.`;
    }
    doc.sentences.push(sentence);
    entity.roles = [{ text: `Named in ${doc.title}.`, source: doc.id, quote: sentence }];
  }
  // The format asks for `ambiguous` on every entity that shares an alias text (titles, surnames).
  const uses = new Map();
  for (const e of entityList) for (const a of e.aliases) uses.set(a.text, (uses.get(a.text) ?? 0) + 1);
  for (const e of entityList) for (const a of e.aliases) if (uses.get(a.text) > 1) a.ambiguous = true;
  return {
    format: 'gloss-pack/1',
    id: 'bench-big-pack',
    name: 'Benchmark: 10,000 made-up names',
    version: String(seed),
    description:
      'Generated by bench/big-pack.mjs for the benchmark: made-up people, organizations, places and initiatives in several scripts. Nothing in it is real.',
    documents: docs.map(({ sentences, ...meta }) => ({ ...meta, text: `${sentences.join('\n')}\n` })),
    entities: entityList,
  };
}

/**
 * Sentences naming `count` of the pack's entities by their full name (their roles' quotes), to
 * put into a page so that the pack has something to find.
 */
export function bigPackSentences(pack, count) {
  const step = Math.max(1, Math.floor(pack.entities.length / count));
  return Array.from({ length: count }, (_, i) => pack.entities[(i * step) % pack.entities.length].roles[0].quote);
}

/** The pack as the file a user would import. */
export function bigPackFile(options) {
  return `${JSON.stringify(generateBigPack(options))}\n`;
}
