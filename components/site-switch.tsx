interface SwitchProps {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}

/** A labelled on/off switch; a real checkbox underneath, so keyboard and screen readers work. */
export function Switch({ label, checked, disabled, onChange, testId }: SwitchProps) {
  return (
    <label class="gloss-switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="gloss-switch-track" aria-hidden="true" />
      <span class="gloss-switch-label">{label}</span>
    </label>
  );
}
