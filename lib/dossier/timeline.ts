// The timeline of the dossier page, as data: the packs' dated events in order, grouped by year,
// with their entities resolved. Pure.
import type { KnowledgeEvent } from '../knowledge/knowledge';
import { type DatePrecision, datePrecision, type Entity, type EntityType } from '../knowledge/schema';

export interface TimelineEntity {
  id: string;
  name: string;
  type: EntityType;
}

export interface TimelineEntry {
  date: string;
  precision: DatePrecision;
  dateNote?: string;
  text: string;
  /** The event's entities that an enabled pack has, in the event's order. */
  entities: TimelineEntity[];
  quote: string;
  source: string;
  packId: string;
}

export interface TimelineYear {
  year: string;
  entries: TimelineEntry[];
}

/**
 * Events by date, earliest first. A less precise date comes before the more precise ones it holds
 * ("2021" before "2021-11" before "2021-12-10"): it is all that is known of it. Events of one date
 * keep their packs' order.
 */
export function buildTimeline(
  events: readonly KnowledgeEvent[],
  getEntity: (id: string) => Entity | undefined,
): TimelineYear[] {
  const entries = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index))
    .map(({ event }): TimelineEntry => {
      const entities = event.entities.flatMap((id) => {
        const entity = getEntity(id);
        return entity ? [{ id: entity.id, name: entity.name, type: entity.type }] : [];
      });
      const { date, dateNote, text, quote, source, packId } = event;
      return { date, precision: datePrecision(date), dateNote, text, entities, quote, source, packId };
    });
  const years: TimelineYear[] = [];
  for (const entry of entries) {
    const year = entry.date.slice(0, 4);
    const last = years[years.length - 1];
    if (last?.year === year) last.entries.push(entry);
    else years.push({ year, entries: [entry] });
  }
  return years;
}

/** A date as precise as it is known, in `locale`: "1996", "December 2021", "10 December 2021". */
export function formatEventDate(date: string, locale?: string): string {
  const precision = datePrecision(date);
  if (precision === 'year') return date;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number?];
  const at = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    precision === 'month'
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}
