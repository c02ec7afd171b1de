import { useEffect, useRef, useState } from 'preact/hooks';
import { Switch } from '@/components/site-switch';
import { type MessageKey, t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/settings';
import {
  type PatternError,
  parseSitePattern,
  type SiteMode,
  type SiteRule,
  type SiteRules,
  withRule,
} from '@/lib/settings/site-rules';
import { updateSettings } from '@/lib/storage';
import { describePattern, describePatternError, testAddress } from './describe';

const MODE_LABELS: Record<SiteMode, { label: MessageKey; hint: MessageKey }> = {
  everywhere: { label: 'sitesEverywhere', hint: 'sitesEverywhereHint' },
  listed: { label: 'sitesListed', hint: 'sitesListedHint' },
};

/** Patterns the form suggests, each with what it covers. */
const PATTERN_EXAMPLES: [string, MessageKey][] = [
  ['example.com', 'addRuleExampleSite'],
  ['*.example.com', 'addRuleExampleSubdomains'],
  ['https://example.com/news/*', 'addRuleExamplePath'],
  ['localhost:3000', 'addRuleExamplePort'],
];

function updateSite(change: (site: SiteRules) => SiteRules) {
  return updateSettings((s) => ({ ...s, site: change(s.site) }));
}

/** The rule the user sees at `index`, found again in the latest stored rules. */
function indexOfRule(rules: SiteRule[], index: number, pattern: string): number {
  return rules[index]?.pattern === pattern ? index : rules.findIndex((r) => r.pattern === pattern);
}

export function SitesSection({ settings }: { settings: Settings }) {
  const { site } = settings;
  const [tested, setTested] = useState('');
  const verdict = testAddress(tested, site);
  const decidingIndex = verdict.kind === 'decided' ? (verdict.rule?.index ?? null) : null;

  return (
    <section class="opt-section" aria-labelledby="opt-sites">
      <h2 id="opt-sites">{t('sitesTitle')}</h2>
      <fieldset class="opt-fieldset">
        <legend>{t('sitesDefault')}</legend>
        {(['everywhere', 'listed'] as const).map((mode) => (
          <label key={mode} class="opt-radio">
            <input
              type="radio"
              name="opt-site-mode"
              value={mode}
              checked={site.mode === mode}
              onChange={() => void updateSite((s) => ({ ...s, mode }))}
              data-testid={`mode-${mode}`}
            />
            <span>
              <span class="opt-radio-label">{t(MODE_LABELS[mode].label)}</span>
              <span class="opt-hint">{t(MODE_LABELS[mode].hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <h3 id="opt-rules-title">{t('sitesRules')}</h3>
      <p class="opt-hint">{t('sitesRulesHint')}</p>
      <RuleList rules={site.rules} decidingIndex={decidingIndex} />
      <AddRuleForm mode={site.mode} />
      <TestAddress value={tested} onInput={setTested} verdict={verdict} paused={settings.paused} />
    </section>
  );
}

function RuleList({ rules, decidingIndex }: { rules: SiteRule[]; decidingIndex: number | null }) {
  const listRef = useRef<HTMLUListElement>(null);
  // After a delete, focus goes to the rule that took its place (or the form), not to the page's top;
  // once the list shows one rule fewer, since the stored change reaches this page a moment later.
  const [focusAfterDelete, setFocusAfterDelete] = useState<{ index: number; remaining: number } | null>(null);

  useEffect(() => {
    if (focusAfterDelete === null || rules.length > focusAfterDelete.remaining) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-delete]') ?? [];
    const target = buttons[Math.min(focusAfterDelete.index, buttons.length - 1)];
    if (target) target.focus();
    else document.getElementById('opt-pattern')?.focus();
    setFocusAfterDelete(null);
  }, [focusAfterDelete, rules]);

  if (rules.length === 0) {
    return (
      <p class="opt-empty" data-testid="rules-empty">
        {t('sitesNoRules')}
      </p>
    );
  }

  const setEnabled = (index: number, pattern: string, enabled: boolean) =>
    void updateSite((s) => {
      const at = indexOfRule(s.rules, index, pattern);
      return at === -1 ? s : { ...s, rules: s.rules.map((r, i) => (i === at ? { ...r, enabled } : r)) };
    });
  const remove = (index: number, pattern: string) => {
    void updateSite((s) => {
      const at = indexOfRule(s.rules, index, pattern);
      return at === -1 ? s : { ...s, rules: s.rules.filter((_, i) => i !== at) };
    }).then(() => setFocusAfterDelete({ index, remaining: rules.length - 1 }));
  };

  return (
    <ul class="opt-rules" aria-labelledby="opt-rules-title" ref={listRef} data-testid="rules-list">
      {rules.map((rule, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: patterns may repeat in an imported file
          key={`${index}:${rule.pattern}`}
          class={index === decidingIndex ? 'opt-rule is-deciding' : 'opt-rule'}
          data-rule={rule.pattern}
        >
          <div class="opt-rule-main">
            <Switch
              label={rule.pattern}
              checked={rule.enabled}
              onChange={(enabled) => setEnabled(index, rule.pattern, enabled)}
              testId={`rule-switch-${index}`}
              describedBy={`opt-rule-desc-${index}`}
            />
            <span class="opt-rule-desc" id={`opt-rule-desc-${index}`}>
              {rule.enabled ? t('ruleOn') : t('ruleOff')} · {describePattern(rule.pattern)}
              {index === decidingIndex && <strong class="opt-badge"> {t('ruleDecides')}</strong>}
            </span>
          </div>
          <button
            type="button"
            class="opt-button opt-button-quiet"
            aria-label={t('ruleDeleteLabel', { pattern: rule.pattern })}
            onClick={() => remove(index, rule.pattern)}
            data-delete
          >
            {t('ruleDelete')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function AddRuleForm({ mode }: { mode: SiteMode }) {
  const [pattern, setPattern] = useState('');
  // Unless the user picks, a new rule does the opposite of the default: that is why rules exist.
  const [choice, setChoice] = useState<'on' | 'off' | null>(null);
  const [error, setError] = useState<PatternError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const enabledValue = choice ?? (mode === 'everywhere' ? 'off' : 'on');

  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const parsed = parseSitePattern(pattern);
    if (!parsed.ok) {
      setError(parsed.error);
      inputRef.current?.focus();
      return;
    }
    const enabled = enabledValue === 'on';
    let existed = false;
    // Assigned inside the update; typed wide so the check after it is not narrowed away.
    let failure = null as PatternError | null;
    await updateSite((s) => {
      existed = s.rules.some((r) => {
        const other = parseSitePattern(r.pattern);
        return other.ok && other.pattern.normalized === parsed.pattern.normalized;
      });
      const next = withRule(s, { pattern: parsed.pattern.normalized, enabled });
      if ('error' in next) {
        failure = next.error;
        return s;
      }
      return next;
    });
    if (failure !== null) {
      setError(failure);
      return;
    }
    setError(null);
    setPattern('');
    const values = { pattern: parsed.pattern.normalized };
    setDone(
      existed
        ? t(enabled ? 'ruleChangedOn' : 'ruleChangedOff', values)
        : t(enabled ? 'ruleAddedOn' : 'ruleAddedOff', values),
    );
    inputRef.current?.focus();
  };

  return (
    <form class="opt-add-rule" onSubmit={submit} noValidate aria-labelledby="opt-add-title">
      <h3 id="opt-add-title">{t('addRuleTitle')}</h3>
      <div class="opt-add-row">
        <div class="opt-add-pattern">
          <label for="opt-pattern">{t('addRulePattern')}</label>
          <input
            id="opt-pattern"
            ref={inputRef}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={pattern}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? 'opt-pattern-error opt-pattern-help' : 'opt-pattern-help'}
            onInput={(event) => {
              setPattern(event.currentTarget.value);
              if (error !== null) setError(null);
              setDone(null);
            }}
            data-testid="rule-pattern"
          />
        </div>
        <div>
          <label for="opt-rule-enabled">{t('addRuleHighlighting')}</label>
          <select
            id="opt-rule-enabled"
            value={enabledValue}
            onChange={(event) => setChoice(event.currentTarget.value === 'on' ? 'on' : 'off')}
            data-testid="rule-enabled"
          >
            <option value="off">{t('addRuleOff')}</option>
            <option value="on">{t('addRuleOn')}</option>
          </select>
        </div>
        <button type="submit" class="opt-button opt-button-primary" data-testid="add-rule">
          {t('addRuleSubmit')}
        </button>
      </div>
      {error !== null && (
        <p id="opt-pattern-error" class="opt-error" role="alert" data-testid="rule-error">
          {describePatternError(error)}
        </p>
      )}
      <div id="opt-pattern-help" class="opt-hint">
        <p>{t('addRuleYouCanWrite')}</p>
        <ul class="opt-examples">
          {PATTERN_EXAMPLES.map(([pattern, key]) => (
            <li key={pattern}>
              <code>{pattern}</code> — {t(key)}
            </li>
          ))}
        </ul>
      </div>
      <p class="opt-status" role="status" data-testid="rule-status">
        {done}
      </p>
    </form>
  );
}

function TestAddress({
  value,
  onInput,
  verdict,
  paused,
}: {
  value: string;
  onInput: (value: string) => void;
  verdict: ReturnType<typeof testAddress>;
  paused: boolean;
}) {
  let message: string;
  switch (verdict.kind) {
    case 'empty':
      message = t('testEmpty');
      break;
    case 'invalid':
      message = verdict.message;
      break;
    case 'not-web':
      message = t('testNotWeb');
      break;
    case 'decided': {
      const { enabled, rule } = verdict;
      if (rule) {
        const values = { pattern: rule.pattern, number: rule.index + 1 };
        message = t(enabled ? 'testOnByRule' : 'testOffByRule', values);
      } else {
        // Nothing matched, so the default decided: on for "every site", off for "only listed sites".
        message = t(enabled ? 'testOnByDefault' : 'testOffByDefault');
      }
      if (paused && enabled) message = `${message} ${t('testPaused')}`;
    }
  }
  return (
    <div class="opt-test">
      <h3>
        <label for="opt-test-url">{t('testTitle')}</label>
      </h3>
      <input
        id="opt-test-url"
        type="text"
        inputMode="url"
        autoComplete="off"
        spellcheck={false}
        placeholder="https://example.com/news/today"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        data-testid="test-url"
      />
      <output
        for="opt-test-url"
        class={
          verdict.kind === 'decided' ? (verdict.enabled ? 'opt-verdict is-on' : 'opt-verdict is-off') : 'opt-verdict'
        }
        aria-live="polite"
        data-testid="test-url-result"
      >
        {message}
      </output>
    </div>
  );
}
