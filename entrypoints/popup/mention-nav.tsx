import type { ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { JumpResult } from '@/lib/messages';
import { type JumpOutcome, jumpToMention } from './page';

export type JumpState = { kind: 'idle' } | JumpOutcome;

/**
 * Steps through the page's mentions of one entity (or of all, with null) and remembers where the
 * last step landed. Key the component by entity, so another entity starts over.
 */
export function useJump(tabId: number | null, entityId: string | null, onGone: () => void) {
  const [state, setState] = useState<JumpState>({ kind: 'idle' });
  // Only the latest step speaks: answers to quick clicks may arrive out of order.
  const latest = useRef(0);
  const jump = useCallback(
    async (direction: 'next' | 'prev') => {
      if (tabId === null) return;
      const ticket = ++latest.current;
      const outcome = await jumpToMention(tabId, entityId, direction);
      if (ticket !== latest.current) return;
      setState(outcome);
      if (outcome.kind === 'gone') onGone();
    },
    [tabId, entityId, onGone],
  );
  return { state, jump };
}

interface MentionNavProps {
  /** Names the group for screen readers: "Mentions of Canada on the page". */
  label: string;
  /** What the bar says before the first step. */
  idle: ComponentChildren;
  state: JumpState;
  onJump: (direction: 'next' | 'prev') => void;
  /** What the bar says where a step landed. */
  describe: (result: JumpResult) => ComponentChildren;
  testId: string;
}

/** ‹ Mention 3 of 7 ›: buttons a keyboard reaches, and a status a screen reader announces. */
export function MentionNav({ label, idle, state, onJump, describe, testId }: MentionNavProps) {
  return (
    <fieldset class="gloss-mention-nav" aria-label={label} data-testid={testId}>
      <button
        type="button"
        class="gloss-step"
        aria-label={t('navPrevious')}
        title={t('navPrevious')}
        onClick={() => onJump('prev')}
        data-testid={`${testId}-prev`}
      >
        ‹
      </button>
      <p class="gloss-mention-status" aria-live="polite" data-testid={`${testId}-status`} data-state={state.kind}>
        {statusText(state, idle, describe)}
      </p>
      <button
        type="button"
        class="gloss-step"
        aria-label={t('navNext')}
        title={t('navNext')}
        onClick={() => onJump('next')}
        data-testid={`${testId}-next`}
      >
        ›
      </button>
    </fieldset>
  );
}

function statusText(
  state: JumpState,
  idle: ComponentChildren,
  describe: (result: JumpResult) => ComponentChildren,
): ComponentChildren {
  switch (state.kind) {
    case 'idle':
      return idle;
    case 'shown':
      return describe(state.result);
    case 'gone':
      return t('navGone');
    case 'unreachable':
      return t('navUnreachable');
  }
}
