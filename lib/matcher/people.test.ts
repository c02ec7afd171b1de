// The rules about officials' names on pages about something else, each as a table on the real pack:
// titles with a common surname, another person with the surname, full names and their namesakes.
import { describe, expect, it } from 'vitest';
import { onPage } from '../../tests/support/on-page';
import { matcherAliases } from '../knowledge/pack';
import { bearersOf, otherBearerIn } from './namesakes';

describe('a title with a common surname', () => {
  it.each(['Mr Price said', 'Ms Power said', 'Ms. Power said', 'Mr Painter said', 'Mr. Solomon said'])(
    'finds nothing in %j on a page that never named the person or the documents',
    (text) => {
      expect(onPage(text)).toEqual([]);
      expect(onPage('Brazil and India did not sign.', text)).toEqual([]);
      expect(onPage('The State Department said so.', text)).toEqual([]);
    },
  );

  it.each([
    [['Ned Price, the spokesman, spoke.'], 'Mr Price said', [['Mr Price', 'person:ned-price']]],
    [['Samantha Power, the administrator, spoke.'], 'Ms Power said', [['Ms Power', 'person:samantha-power']]],
    [['Antony Blinken and the Freedom Online Coalition met.'], 'Mr Price said', [['Mr Price', 'person:ned-price']]],
    // Rare surnames, and titles that are offices, need no support.
    [[], 'Mr. Zhao said', [['Mr. Zhao', 'person:zhao-lijian']]],
    [[], 'Mr Blinken said', [['Mr Blinken', 'person:antony-blinken']]],
    [[], 'Spokesperson Price said', [['Spokesperson Price', 'person:ned-price']]],
    [[], 'Ambassador Power said', [['Ambassador Power', 'person:samantha-power']]],
  ])('after %j, finds in %j', (earlier, text, expected) => {
    expect(onPage(...earlier, text)).toEqual(expected);
  });

  it('does not let an unsupported title make the bare surname count', () => {
    expect(onPage('Mr Price said so.', 'Price added more.')).toEqual([]);
  });
});

describe('another person with an official’s surname', () => {
  it.each([
    [['Zhao Wei, who ran a dumpling house, took over the kitchen. "Students like it," Mr. Zhao said.']],
    [['Zhao Wei took over the kitchen this fall.'], '"Students like it," Mr. Zhao said.'],
    [['The bakery on Main Street is run by Claire Masson.'], 'Mr. Masson bakes at four.'],
    [['James Robert Love, known to everyone as Jim Love, died at home in Moscow, Idaho.']],
  ])('finds nothing in %j', (earlier, text = undefined) => {
    const texts = text === undefined ? earlier : [...earlier, text];
    expect(onPage(...texts)).toEqual([]);
  });

  it.each([
    // The official named in full first: the title is theirs.
    [['Zhao Lijian, the spokesman, said so.', 'Zhao Wei, a reporter, asked.'], 'Mr. Zhao answered.', 'Mr. Zhao'],
    // A page of the documents' world: the title is theirs.
    [
      ['The Freedom Online Coalition met before the Summit for Democracy.', 'Zhao Wei, a reporter, asked.'],
      'Mr. Zhao answered.',
      'Mr. Zhao',
    ],
    // Without another Zhao, a title with a rare surname counts as it did.
    [[], '"Students like it," Mr. Zhao said.', 'Mr. Zhao'],
    [[], 'Yesterday Antony Blinken, the secretary of state, said so.', 'Antony Blinken'],
  ])('after %j, finds the official in %j', (earlier, text, name) => {
    expect(onPage(...earlier, text).map(([found]) => found)).toContain(name);
  });

  it.each([
    ['Zhao Wei took over.', true],
    ['Mary Price said.', false],
    ['She met Claire Masson there.', true],
    ['Yesterday Masson said.', false],
    ['On Friday Masson said.', false],
    ['James Robert Masson said.', true],
    ['Zhao Slams Critics Of New Rule', false],
    ['Spokesperson Zhao said.', false],
  ])('in %j, someone else bears Zhao or Masson: %s', (text, expected) => {
    const bearers = bearersOf(matcherAliases());
    const zhao = bearers.get('person:zhao-lijian');
    const masson = bearers.get('person:david-masson');
    if (!zhao || !masson) throw new Error('the pack has no Zhao Lijian or David Masson');
    expect(otherBearerIn(text, zhao) || otherBearerIn(text, masson)).toBe(expected);
  });
});

describe('an official’s full name: namesakes are many', () => {
  it.each([
    [['Her trainer, Ned Price, wins at 24 percent with first-time starters.']],
    [['The Rev. Jim Love, the bride’s grandfather and a retired minister, led the ceremony.']],
    [['David Masson, 61, of Denmark, Wis., pleaded not guilty.'], 'A deputy stopped Mr. Masson’s pickup.'],
    [['The country listings are handled by Chris Painter.'], '“Look for the fibre hut,” Mr. Painter says.'],
    // Another Zhao, written given name first.
    [['He is the son of Mei and Daniel Zhao of Boardman.'], '“Mr. Zhao was the only other volunteer.”'],
  ])('finds nothing in %j', (earlier, text = undefined) => {
    const texts = text === undefined ? earlier : [...earlier, text];
    expect(onPage(...texts)).toEqual([]);
  });

  it.each([
    // An office beside the name, the documents' world in its text, or a president.
    ['Zhao Lijian, the ministry’s spokesman, said so.', 'Zhao Lijian'],
    ['Antony J. Blinken, Secretary of State', 'Antony J. Blinken'],
    ['Christopher Painter spoke on the Freedom Online Coalition.', 'Christopher Painter'],
    ['Samantha Power has put USAID on the hook.', 'Samantha Power'],
    ['Donald Trump spoke in Ohio.', 'Donald Trump'],
    // A title before the full name in the same text.
    ['Which is why Ms Power matters. Samantha Power has put USAID on the hook.', 'Ms Power'],
  ])('finds the official in %j', (text, name) => {
    expect(onPage(text).map(([found]) => found)).toContain(name);
  });

  it('after the documents’ world, a full name counts alone', () => {
    expect(
      onPage('The Freedom Online Coalition met before the Summit for Democracy.', 'Ned Price spoke.').map(
        ([found]) => found,
      ),
    ).toEqual(['Ned Price']);
  });
});

describe('an office of their own, and support from what needs none', () => {
  it.each([
    // Howard Solomon is a journalist: a city administrator of that name is someone else.
    [['City Administrator Howard Solomon will report on the water main.'], 'Mr. Solomon will also update the Council.'],
    // A name waiting for support gives none to another: "DFI" here is the Danish Film Institute.
    [['Cinematography by Ned Price, with support from the DFI.']],
    [['Lydia Marsh won on countback from Derek Manky (not the cyber-security one).']],
  ])('finds no official in %j', (earlier, text = undefined) => {
    const texts = text === undefined ? earlier : [...earlier, text];
    expect(onPage(...texts).filter(([, entity]) => entity?.startsWith('person:'))).toEqual([]);
  });

  it('a surname after the full name in its text waits with it', () => {
    expect(
      onPage(
        'Christopher Painter, a former cyber diplomat, spoke on the Freedom Online Coalition. Painter was its first chair.',
      ).map(([found]) => found),
    ).toEqual(['Christopher Painter', 'Freedom Online Coalition', 'Painter']);
  });
});
