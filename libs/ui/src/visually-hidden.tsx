import type { ElementType, ReactNode } from 'react';
import styles from './visually-hidden.module.css';

export interface VisuallyHiddenProps {
  children: ReactNode;
  /** The element to render, e.g. `h1` for a screen's title that the design does not draw. */
  as?: ElementType;
  id?: string;
  role?: string;
  'aria-live'?: 'polite' | 'assertive' | 'off';
  'aria-atomic'?: boolean;
}

/** Text for screen readers only: a screen's heading the design has no room for, a live status. */
export function VisuallyHidden({ children, as: Element = 'span', ...rest }: VisuallyHiddenProps) {
  return (
    <Element className={styles.hidden} {...rest}>
      {children}
    </Element>
  );
}
