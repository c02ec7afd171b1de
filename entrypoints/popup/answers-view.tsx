import { useMemo, useState } from 'preact/hooks';
import { relationLabel, typeCount } from '@/components/labels';
import { RoleQuote } from '@/components/role-quote';
import { formatList, plural, t } from '@/lib/i18n';
import { type Answer, countByType, type GroupRelation, type OutsideAnswer, pageAnswers } from '@/lib/knowledge/answers';
import { type CitedDocument, citeDocument } from '@/lib/knowledge/card-data';
import { ENTITY_TYPES, type Entity } from '@/lib/knowledge/schema';
import type { Mention } from '@/lib/messages';
import { useKnowledge } from './knowledge';

/** Targets shown before "Show more": the ones the page names come first. */
const FIRST_TARGETS = 2;
/** Entities listed in one answer before "+ N more". */
const FIRST_CHIPS = 12;

interface AnswersProps {
  mentions: readonly Mention[];
  onOpen: (entityId: string) => void;
  onOpenDocument: (document: CitedDocument, quote: string) => void;
}

/**
 * One line per answer under the initiative it is about ("11 of its 62 signatories are on this
 * page"); the line opens to list them. Compact, so the page's own list stays near the top.
 */
export function Answers({ mentions, onOpen, onOpenDocument }: AnswersProps) {
  const knowledge = useKnowledge();
  const targets = useMemo(() => byTarget(pageAnswers(mentions, knowledge.entities)), [mentions, knowledge]);
  const [showAll, setShowAll] = useState(false);
  if (targets.length === 0) return null;
  const shown = showAll ? targets : targets.slice(0, FIRST_TARGETS);
  return (
    <section aria-labelledby="gloss-answers" class="gloss-answers" data-testid="answers">
      <h2 id="gloss-answers" class="gloss-section-title">
        {t('answersTitle')}
      </h2>
      <ul class="gloss-answer-targets">
        {shown.map(({ target, answers }) => (
          <li key={target.id}>
            <button type="button" class="gloss-answer-target" data-entity={target.id} onClick={() => onOpen(target.id)}>
              <span class={`gloss-dot gloss-type-${target.type}`} aria-hidden="true" />
              {target.name}
            </button>
            <ul class="gloss-answer-list">
              {answers.map((answer) => (
                <AnswerItem key={answer.key} answer={answer} onOpen={onOpen} onOpenDocument={onOpenDocument} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {targets.length > FIRST_TARGETS && (
        <button
          type="button"
          class="gloss-link gloss-answers-more"
          onClick={() => setShowAll(!showAll)}
          aria-expanded={showAll}
        >
          {showAll ? t('answersFewer') : plural('answersMore', targets.length - FIRST_TARGETS)}
        </button>
      )}
    </section>
  );
}

function byTarget(answers: readonly Answer[]): { target: Entity; answers: Answer[] }[] {
  const groups = new Map<string, { target: Entity; answers: Answer[] }>();
  for (const answer of answers) {
    const group = groups.get(answer.target.id) ?? { target: answer.target, answers: [] };
    group.answers.push(answer);
    groups.set(answer.target.id, group);
  }
  return [...groups.values()];
}

function AnswerItem({
  answer,
  onOpen,
  onOpenDocument,
}: {
  answer: Answer;
  onOpen: (entityId: string) => void;
  onOpenDocument: (document: CitedDocument, quote: string) => void;
}) {
  const n = answer.onPage.length;
  const detail = answer.kind === 'group' ? breakdown(answer.members) : '';
  return (
    <li
      class="gloss-answer"
      data-answer={answer.key}
      data-on-page={n}
      data-total={answer.kind === 'group' ? answer.members.length : countries(answer.members)}
    >
      <details>
        <summary class="gloss-answer-text">
          {answer.kind === 'group' ? groupSentence(answer) : outsideSentence(answer)}
        </summary>
        {detail && <p class="gloss-answer-detail">{detail}</p>}
        <Chips
          entries={answer.onPage.map(({ entity, count, ...rest }) => ({
            entity,
            count,
            note: 'declined' in rest && rest.declined ? t('answerDeclinedNote') : undefined,
          }))}
          onOpen={onOpen}
        />
        {answer.kind === 'outside' && <Refusals answer={answer} onOpenDocument={onOpenDocument} />}
      </details>
    </li>
  );
}

/** "5 of its 62 signatories are on this page" */
function groupSentence(answer: Answer): string {
  const count = answer.onPage.length;
  const total = answer.members.length;
  if (total === 1) {
    return t('answerOnlyOne', {
      relation: relationLabel(answer.relation, 'inverse'),
      name: answer.members[0]?.name ?? '',
    });
  }
  return groupCount(answer.relation, count, total);
}

function groupCount(relation: GroupRelation, count: number, total: number): string {
  switch (relation) {
    case 'signed':
      return plural('answerSigned', count, { total });
    case 'member-of':
      return plural('answerMemberOf', count, { total });
    case 'took-part-in':
      return plural('answerTookPartIn', count, { total });
    case 'chairs':
      return plural('answerChairs', count, { total });
    case 'founded':
      return plural('answerFounded', count, { total });
    case 'launched':
      return plural('answerLaunched', count, { total });
    case 'criticised':
      return plural('answerCriticised', count, { total });
    case 'did-not-sign':
      return plural('answerDidNotSign', count, { total });
  }
}

function outsideSentence(answer: OutsideAnswer): string {
  const count = answer.onPage.length;
  const total = countries(answer.members);
  const declined = answer.onPage.filter((entry) => entry.declined).length;
  const sentence =
    answer.relation === 'signed'
      ? plural('answerOutsideSigned', count, { total })
      : plural('answerOutsideMembers', count, { total });
  return declined > 0 ? t('answerWithDeclined', { answer: sentence, declined }) : sentence;
}

function countries(members: readonly Entity[]): number {
  return countByType(members).country ?? 0;
}

/** "All 62: 61 countries and European Commission.": types with few members are named, not counted. */
function breakdown(members: readonly Entity[]): string {
  const counts = countByType(members);
  const types = ENTITY_TYPES.filter((t) => counts[t]);
  if (types.length < 2) return '';
  const parts = types.map((type) => {
    const count = counts[type] ?? 0;
    if (count > 2) return typeCount(type, count);
    return formatList(
      members.filter((m) => m.type === type).map((m) => m.name),
      'and',
    );
  });
  return t('answerAll', { total: members.length, list: formatList(parts, 'and') });
}

interface ChipEntry {
  entity: Entity;
  count: number;
  note?: string;
}

function Chips({ entries, onOpen }: { entries: ChipEntry[]; onOpen: (entityId: string) => void }) {
  const [open, setOpen] = useState(false);
  const shown = open ? entries : entries.slice(0, FIRST_CHIPS);
  return (
    <ul class="gloss-chips">
      {shown.map(({ entity, count, note }) => (
        <li key={entity.id}>
          <button
            type="button"
            class="gloss-chip"
            data-entity={entity.id}
            onClick={() => onOpen(entity.id)}
            title={plural('entityMentions', count)}
          >
            {entity.name}
            {note && <span class="gloss-chip-note"> · {note}</span>}
          </button>
        </li>
      ))}
      {entries.length > FIRST_CHIPS && (
        <li>
          <button
            type="button"
            class="gloss-link gloss-answers-more"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
          >
            {open ? t('answerChipsFewer') : plural('answerChipsMore', entries.length - FIRST_CHIPS)}
          </button>
        </li>
      )}
    </ul>
  );
}

/** The documents' own words for each refusal, one quote per passage. */
function Refusals({
  answer,
  onOpenDocument,
}: {
  answer: OutsideAnswer;
  onOpenDocument: (document: CitedDocument, quote: string) => void;
}) {
  const knowledge = useKnowledge();
  const declined = answer.onPage.filter((entry) => entry.declined);
  if (declined.length === 0) return null;
  const quotes = new Map<string, { entityId: string; source: string; quote: string }>();
  for (const entry of declined) {
    if (entry.declined) quotes.set(entry.declined.quote, { ...entry.declined, entityId: entry.entity.id });
  }
  const names = declined.map((entry) => entry.entity.name);
  return (
    <details class="gloss-answer-source">
      <summary>{t('answerWhyDeclined')}</summary>
      {[...quotes.values()].map(({ entityId, source, quote }) => (
        <RoleQuote
          key={quote}
          quote={quote}
          document={citeDocument(knowledge, entityId, source)}
          focus={names}
          onOpenDocument={onOpenDocument}
        />
      ))}
    </details>
  );
}
