import type { HTMLAttributes } from 'react';
import styles from './badge.module.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

/** A short status word (kitchen state, stock left, "paid"): color carries the meaning at a glance. */
export function Badge({ tone = 'neutral', className, ...rest }: BadgeProps) {
  const classes = [styles.badge, tone !== 'neutral' && styles[tone], className].filter(Boolean).join(' ');
  return <span className={classes} {...rest} />;
}
