import { describe, expect, it } from 'vitest';
import { bundledPack } from '../knowledge/bundled';
import { Knowledge, type KnowledgeEvent } from '../knowledge/knowledge';
import { buildTimeline, formatEventDate } from './timeline';

const bundled = new Knowledge([bundledPack]);
const getEntity = (id: string) => bundled.getEntity(id);

const event = (date: string, text: string, entities = ['country:us']): KnowledgeEvent => ({
  date,
  text,
  entities,
  source: 'echri',
  quote: 'q',
  packId: 'gloss',
});

describe('buildTimeline', () => {
  it('orders events by date, a less precise date before the days it holds, and groups them by year', () => {
    const years = buildTimeline(
      [
        event('2021-12-10', 'c'),
        event('2021', 'a'),
        event('1996', 'x'),
        event('2021-12', 'b'),
        event('2021-12-10', 'd'),
      ],
      getEntity,
    );
    expect(years.map((y) => [y.year, y.entries.map((e) => e.text)])).toEqual([
      ['1996', ['x']],
      ['2021', ['a', 'b', 'c', 'd']],
    ]);
    expect(years[1]?.entries.map((e) => e.precision)).toEqual(['year', 'month', 'day', 'day']);
  });

  it('resolves entities and leaves out those no enabled pack has', () => {
    const [year] = buildTimeline([event('2023', 'a', ['initiative:foc', 'country:nowhere', 'country:us'])], getEntity);
    expect(year?.entries[0]?.entities).toEqual([
      { id: 'initiative:foc', name: 'Freedom Online Coalition', type: 'initiative' },
      { id: 'country:us', name: 'United States', type: 'country' },
    ]);
  });

  it('gives the bundled pack’s events from 1996 to 2023', () => {
    const years = buildTimeline(bundled.events, getEntity);
    expect(years[0]?.year).toBe('1996');
    expect(years[years.length - 1]?.year).toBe('2023');
    expect(years.flatMap((y) => y.entries)).toHaveLength(bundled.events.length);
    expect(buildTimeline([], getEntity)).toEqual([]);
  });
});

describe('formatEventDate', () => {
  it('says no more than the date knows', () => {
    expect(formatEventDate('1996', 'en-GB')).toBe('1996');
    expect(formatEventDate('2021-12', 'en-GB')).toBe('December 2021');
    expect(formatEventDate('2021-12-10', 'en-GB')).toBe('10 December 2021');
    expect(formatEventDate('2021-12-10', 'en-US')).toBe('December 10, 2021');
  });
});
