// The head nouns that say what a capitalised name is ("… Coalition" is an initiative, "… Ministry" an
// organization). Data, not a tagger: compromise tags the words; these decide between two of the
// pack's four types, which no general NLP library distinguishes (both are "organizations" to it).
import type { EntityType } from '../knowledge/schema';

const INITIATIVE_HEADS = new Set([
  'Accord',
  'Accords',
  'Act',
  'Agenda',
  'Agreement',
  'Alliance',
  'Arrangement',
  'Call',
  'Charter',
  'Coalition',
  'Compact',
  'Convention',
  'Declaration',
  'Dialogue',
  'Framework',
  'Initiative',
  'Network',
  'Pact',
  'Partnership',
  'Plan',
  'Pledge',
  'Principles',
  'Process',
  'Program',
  'Programme',
  'Protocol',
  'Strategy',
  'Summit',
  'System',
  'Treaty',
  'Council',
]);

const ORGANIZATION_HEADS = new Set([
  'Administration',
  'Agency',
  'Association',
  'Authority',
  'Bank',
  'Board',
  'Bureau',
  'Center',
  'Centre',
  'Commission',
  'Committee',
  'Company',
  'Corporation',
  'Court',
  'Department',
  'Forum',
  'Foundation',
  'Fund',
  'Group',
  'Herald',
  'House',
  'Inc',
  'Institute',
  'Ltd',
  'Ministry',
  'News',
  'Office',
  'Organisation',
  'Organization',
  'Parliament',
  'Party',
  'Secretariat',
  'Service',
  'Times',
  'Union',
  'University',
]);

/** Lowercase words that join the parts of one name ("Summit for Democracy", "Trade and Technology Council"). */
export const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', 'de', 'in', 'to']);

/** The type a head noun gives a name, or undefined when the word says nothing. */
export function typeOfHead(text: string): Extract<EntityType, 'initiative' | 'organization'> | undefined {
  // "program" ends "the Clean Network program" as "Program" would.
  const word = text.charAt(0).toUpperCase() + text.slice(1);
  if (INITIATIVE_HEADS.has(word)) return 'initiative';
  if (ORGANIZATION_HEADS.has(word)) return 'organization';
  return undefined;
}

/**
 * The head of a name: its last word, or for "Declaration for the Future of the Internet" the last
 * word before the first connector when that one says the type.
 */
export function headOf(name: string): string {
  const words = name.split(/\s+/);
  const connector = words.findIndex((word) => CONNECTORS.has(word));
  const before = words[connector - 1];
  if (connector > 0 && before !== undefined && typeOfHead(before) !== undefined) return before;
  return words.at(-1) ?? name;
}
