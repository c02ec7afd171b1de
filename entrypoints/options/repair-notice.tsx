import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { checkStoredSettings, settingsRepairItem, updateSettings } from '@/lib/storage';
import { describeProblems, mergeProblems } from './describe';

/**
 * Shown once, when the page opens. Tells the user when stored settings were damaged and which parts went back to their defaults:
 * damage found in storage now, and damage a write already repaired (recorded in settingsRepairItem).
 */
export function RepairNotice() {
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([settingsRepairItem.getValue(), checkStoredSettings()]).then(([recorded, now]) => {
      if (live) setProblems(mergeProblems(recorded?.problems ?? [], now));
    });
    return () => {
      live = false;
    };
  }, []);

  if (dismissed || problems.length === 0) return null;

  const dismiss = async () => {
    setBusy(true);
    // Writing the settings back stores the repaired value (and records the repair again), so the
    // record is cleared after it. Intact settings are not rewritten: that would wake every open page.
    if ((await checkStoredSettings()).length > 0) await updateSettings((s) => s);
    await settingsRepairItem.setValue(null);
    setDismissed(true);
    setBusy(false);
    setProblems([]);
  };

  const lines = describeProblems(problems);
  return (
    <section class="opt-notice" role="alert" aria-labelledby="opt-repair-title" data-testid="repair-notice">
      <h2 id="opt-repair-title">{t('repairTitle')}</h2>
      <p>{t('repairIntro')}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{t('repairOutro')}</p>
      <button type="button" class="opt-button" onClick={dismiss} disabled={busy} data-testid="dismiss-repair">
        {t('repairDismiss')}
      </button>
    </section>
  );
}
