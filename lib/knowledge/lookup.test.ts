import { describe, expect, it } from 'vitest';
import { Knowledge } from './knowledge';
import { lookupEntity } from './lookup';
import { pack } from './pack';

describe('lookupEntity', () => {
  it.each([
    // A name as selected.
    ['Antony Blinken', 'person:antony-blinken'],
    ['Secretary of State Antony Blinken', 'person:antony-blinken'],
    ['  Antony\n  Blinken ', 'person:antony-blinken'],
    ['the U.S.', 'country:us'],
    ['Declaration for the Future of the Internet', 'initiative:dfi'],
    // Demonyms count when the user asks about one.
    ['Chinese', 'country:cn'],
    // Possessives and punctuation around a name.
    ['Blinken’s', 'person:antony-blinken'],
    ['“Freedom Online Coalition,”', 'initiative:foc'],
  ])('finds the entity named in %j', (text, id) => {
    expect(lookupEntity(text)).toBe(id);
  });

  it.each([
    // The most mentioned entity of a longer selection wins.
    ['Brazil and India did not sign. Brazil said it would wait; Brazil may join later.', 'country:br'],
    // Equal counts: the longer mention wins ("Declaration for the Future of the Internet" over "US").
    ['The US backed the Declaration for the Future of the Internet.', 'initiative:dfi'],
    // Equal counts and lengths: the first one.
    ['Japan and Spain', 'country:jp'],
  ])('picks the best entity of %j', (text, id) => {
    expect(lookupEntity(text)).toBe(id);
  });

  it.each([
    // Wrong case: the matcher is case-sensitive, the search is not.
    ['antony blinken', 'person:antony-blinken'],
    ['FREEDOM ONLINE COALITION', 'initiative:foc'],
    // A bare surname the matcher only takes after the full name.
    ['Power', 'person:samantha-power'],
  ])('falls back to search for %j', (text, id) => {
    expect(lookupEntity(text)).toBe(id);
  });

  it.each([
    ['', null],
    ['   \n ', null],
    ['qwxzj vbnmq', null],
    // A long sentence without any name is not searched word by word.
    [`${'The weather was fine and nothing much happened that day. '.repeat(3)}`, null],
  ])('finds nothing in %j', (text, id) => {
    expect(lookupEntity(text)).toBe(id);
  });

  it('looks in the knowledge it is given', () => {
    const onlyPeople = new Knowledge([{ ...pack, entities: pack.entities.filter((e) => e.type === 'official') }]);
    expect(lookupEntity('China and Antony Blinken and China', onlyPeople)).toBe('person:antony-blinken');
    expect(lookupEntity('China and Antony Blinken and China')).toBe('country:cn');
  });
});
