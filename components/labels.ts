// The words for the knowledge pack's and the settings' fixed vocabulary (kinds of entities,
// relations, highlight looks), shared by the popup, the in-page card and the settings page.
// Type-only imports: the settings page does not bundle the pack.
import { type MessageKey, plural, t } from '@/lib/i18n';
import type { EntityType, RelationType } from '@/lib/knowledge/schema';
import type { HighlightLook } from '@/lib/settings/settings';

const TYPE_KEYS: Record<EntityType, { one: MessageKey; many: MessageKey }> = {
  country: { one: 'typeCountry', many: 'typeCountries' },
  initiative: { one: 'typeInitiative', many: 'typeInitiatives' },
  organization: { one: 'typeOrganization', many: 'typeOrganizations' },
  official: { one: 'typeOfficial', many: 'typeOfficials' },
};

/** "Country" (one entity's kind) or "Countries" (a heading over several). */
export function typeLabel(type: EntityType, form: 'one' | 'many'): string {
  return t(TYPE_KEYS[type][form]);
}

/** "61 countries". */
export function typeCount(type: EntityType, count: number): string {
  switch (type) {
    case 'country':
      return plural('typeCountCountry', count);
    case 'initiative':
      return plural('typeCountInitiative', count);
    case 'organization':
      return plural('typeCountOrganization', count);
    case 'official':
      return plural('typeCountOfficial', count);
  }
}

/** Each relation as the subject's card says it ("Signed") and as the target's card does ("Signed by"). */
const RELATION_KEYS: Record<RelationType, { forward: MessageKey; inverse: MessageKey }> = {
  signed: { forward: 'relationSigned', inverse: 'relationSignedBy' },
  'did-not-sign': { forward: 'relationDidNotSign', inverse: 'relationNotSignedBy' },
  'member-of': { forward: 'relationMemberOf', inverse: 'relationMembers' },
  chairs: { forward: 'relationChairs', inverse: 'relationChairedBy' },
  founded: { forward: 'relationFounded', inverse: 'relationFoundedBy' },
  launched: { forward: 'relationLaunched', inverse: 'relationLaunchedBy' },
  criticised: { forward: 'relationCriticised', inverse: 'relationCriticisedBy' },
  'spokesperson-of': { forward: 'relationSpokespersonOf', inverse: 'relationSpokesperson' },
  leads: { forward: 'relationLeads', inverse: 'relationLedBy' },
  'works-for': { forward: 'relationWorksFor', inverse: 'relationPeople' },
  'part-of': { forward: 'relationPartOf', inverse: 'relationIncludes' },
  restricted: { forward: 'relationRestricted', inverse: 'relationRestrictedBy' },
  hosted: { forward: 'relationHosted', inverse: 'relationHostedBy' },
  'took-part-in': { forward: 'relationTookPartIn', inverse: 'relationParticipants' },
};

export function relationLabel(type: RelationType, direction: 'forward' | 'inverse'): string {
  return t(RELATION_KEYS[type][direction]);
}

const LOOK_KEYS: Record<HighlightLook, MessageKey> = {
  background: 'lookBackground',
  underline: 'lookUnderline',
  outline: 'lookOutline',
};

export function lookLabel(look: HighlightLook): string {
  return t(LOOK_KEYS[look]);
}
