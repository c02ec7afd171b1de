// "Copy" beside a role, in the popup's card and the in-page card: the role, its quote and its
// source go on the clipboard as Markdown (text/plain) and HTML (text/html); the button says
// "Copied" for a moment, and a status region tells screen readers.
import { useEffect, useState } from 'preact/hooks';
import { type CitedRole, roleHtml, roleMarkdown } from '@/lib/dossier/cite';
import { t } from '@/lib/i18n';
import { copyTexts } from './clipboard';

/** How long "Copied" stays on the button. */
const FEEDBACK_MS = 2000;

export function CopyRoleButton({ role }: { role: CitedRole }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    const ok = await copyTexts({ plain: roleMarkdown(role), html: roleHtml(role) });
    setState(ok ? 'copied' : 'failed');
  };
  const word = state === 'copied' ? t('copyDone') : state === 'failed' ? t('copyFailed') : t('copyRole');
  return (
    <>
      <button
        type="button"
        class={`gloss-copy gloss-copy-${state}`}
        aria-label={state === 'idle' ? t('copyRoleLabel', { role: role.text }) : word}
        onClick={() => void copy()}
        data-testid="copy-role"
      >
        {word}
      </button>
      <span class="gloss-copy-status" role="status">
        {state === 'idle' ? '' : word}
      </span>
    </>
  );
}
