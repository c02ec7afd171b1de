// The fixed vocabulary's words: every kind, relation and look has its message, and in English the
// relations read as the knowledge pack's own phrases (the cards did not change wording).
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, RELATION_TYPES, type RelationType } from '@/lib/knowledge/schema';
import { HIGHLIGHT_LOOKS } from '@/lib/settings/settings';
import { lookLabel, relationLabel, typeCount, typeLabel } from './labels';

describe('labels', () => {
  it('words each relation as the pack does, from either side', () => {
    for (const type of Object.keys(RELATION_TYPES) as RelationType[]) {
      expect(relationLabel(type, 'forward'), type).toBe(RELATION_TYPES[type].forward);
      expect(relationLabel(type, 'inverse'), type).toBe(RELATION_TYPES[type].inverse);
    }
  });

  it('names each kind of entity, alone and in a heading, and counts it', () => {
    expect(ENTITY_TYPES.map((type) => typeLabel(type, 'one'))).toEqual([
      'Country',
      'Initiative',
      'Organization',
      'Official or person',
    ]);
    expect(ENTITY_TYPES.map((type) => typeLabel(type, 'many'))).toEqual([
      'Countries',
      'Initiatives',
      'Organizations',
      'Officials and people',
    ]);
    expect(typeCount('country', 61)).toBe('61 countries');
    expect(typeCount('official', 1)).toBe('1 official or person');
    expect(typeCount('organization', 3)).toBe('3 organizations');
  });

  it('names each highlight look', () => {
    expect(HIGHLIGHT_LOOKS.map(lookLabel)).toEqual(['Background', 'Underline', 'Outline']);
  });
});
