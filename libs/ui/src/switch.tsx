import styles from './switch.module.css';

export interface SwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
  /** The switch's name for screen readers ("Pasta: on the menu"). */
  label: string;
  disabled?: boolean;
  /** Text next to the track, e.g. "On" / "Off". */
  stateLabel?: string;
  testId?: string;
}

/** A touch-sized on/off switch (`role="switch"`; the whole 48 px area reacts). */
export function Switch({ checked, onChange, label, disabled, stateLabel, testId }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      data-testid={testId}
      className={`${styles.switch} ${checked ? styles.on : ''}`}
      onClick={() => onChange(!checked)}
    >
      {stateLabel && <span className={styles.state}>{stateLabel}</span>}
      <span className={styles.track}>
        <span className={styles.thumb} />
      </span>
    </button>
  );
}
