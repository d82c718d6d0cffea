import styles from './spinner.module.css';

/** A busy indicator; with `label` it centres itself in its container with the text below. */
export function Spinner({ size = 28, label }: { size?: number; label?: string }) {
  const wheel = <span className={styles.spinner} style={{ width: size, height: size }} role="progressbar" aria-label={label ?? 'loading'} />;
  if (!label) return wheel;
  return (
    <div className={styles.block}>
      {wheel}
      <span>{label}</span>
    </div>
  );
}
