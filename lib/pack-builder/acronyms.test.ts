import { describe, expect, it } from 'vitest';
import { acronymDefinitions, bestLongForm } from './acronyms';

describe('Schwartz–Hearst acronym definitions', () => {
  it.each([
    ['The Freedom Online Coalition (FOC) met.', 'FOC', 'Freedom Online Coalition'],
    [
      'talks at the Internet Corporation for Assigned Names and Numbers (ICANN) went on.',
      'ICANN',
      'Internet Corporation for Assigned Names and Numbers',
    ],
    [
      'under the Export Controls and Human Rights Initiative (ECHRI) today',
      'ECHRI',
      'Export Controls and Human Rights Initiative',
    ],
    ['the International Maritime Organization (IMO) will audit', 'IMO', 'International Maritime Organization'],
    [
      'the U.S. Agency for International Development (USAID) said',
      'USAID',
      'U.S. Agency for International Development',
    ],
  ])('%s', (sentence, short, long) => {
    expect(acronymDefinitions(sentence)).toEqual([{ short, long }]);
  });

  it('finds nothing where the letters are not in the words before', () => {
    expect(acronymDefinitions('A photo of the harbour (FILE) was shown.')).toEqual([]);
    expect(acronymDefinitions('prices rose (2%) in May (see below).')).toEqual([]);
  });

  it('needs the first letter of the short form to start a word of the long form', () => {
    expect(bestLongForm('OC', 'the coalition')).toBeUndefined();
    expect(bestLongForm('OC', 'the Online Coalition')).toBe('Online Coalition');
  });

  it('finds two definitions in one sentence', () => {
    expect(
      acronymDefinitions('The World Trade Organization (WTO) and the Internet Governance Forum (IGF) agreed.'),
    ).toEqual([
      { short: 'WTO', long: 'World Trade Organization' },
      { short: 'IGF', long: 'Internet Governance Forum' },
    ]);
  });
});
