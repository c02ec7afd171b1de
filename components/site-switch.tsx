import './switch.css';

interface SwitchProps {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  /** The id (or ids) of text that explains the switch, such as a hint under it; read after its name. */
  describedBy?: string;
}

/** A labelled on/off switch; a real checkbox underneath, so keyboard and screen readers work. */
export function Switch({ label, checked, disabled, onChange, testId, describedBy }: SwitchProps) {
  return (
    <label class="gloss-switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        aria-describedby={describedBy}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="gloss-switch-track" aria-hidden="true" />
      <span class="gloss-switch-label">{label}</span>
    </label>
  );
}
