import styles from './print.module.css';

/** Marks a part of a printed document that is a screen control (its Print button): left off paper. */
export const noPrintClass = styles.noPrint;

/**
 * Prints `element` alone, at a receipt printer's width (80 mm), with the browser's print dialog
 * (or the kiosk's silent printing). The rest of the screen — dialogs, header, toasts — is hidden
 * for this print only: the marks are removed as soon as `window.print()` returns.
 */
export function printOnly(element: HTMLElement | null): void {
  if (!element) return;
  element.classList.add(styles.target);
  document.body.classList.add(styles.printing);
  try {
    window.print();
  } finally {
    document.body.classList.remove(styles.printing);
    element.classList.remove(styles.target);
  }
}

