import { useLayoutEffect, useRef, useState } from 'react';

const PREFIX = 'pos.floor.head:';
/** How long the space is held for widgets that have not come (a remote that failed, a widget with nothing to show today). */
export const RESERVE_MS = 3_000;
/** Taller than any toolbar and widget row; anything above is not a height this screen had. */
const MAX_HEIGHT = 2_000;

function remembered(key: string): number | null {
  try {
    const value = Number(localStorage.getItem(PREFIX + key));
    return Number.isFinite(value) && value > 0 && value <= MAX_HEIGHT ? value : null;
  } catch {
    return null;
  }
}

function remember(key: string, height: number): void {
  try {
    if (height > 0 && height <= MAX_HEIGHT) localStorage.setItem(PREFIX + key, String(Math.round(height)));
  } catch {
    // Storage full or off: the next sign-in simply reserves nothing.
  }
}

/**
 * Holds the room the remotes' widgets took last time above the floor map, until they are back.
 *
 * The remotes (shift analytics, promotions, the floor modes) come after the floor is on screen
 * (SignedIn fetches them once the floor's data is in), and their widgets pushed the map down as
 * they arrived: a waiter who tapped a table in that second could open the one beside it. The
 * block above the map keeps, as its minimum height, the height it had last time on this tablet
 * for this venue, staff member and screen width, until its content is that tall again or
 * RESERVE_MS have passed. `ref` goes on the content (never given a minimum height itself), whose
 * height is remembered for the next time.
 */
export function useReservedHeight<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  const [reserved, setReserved] = useState<number | null>(() => remembered(key));
  const isFirst = useRef(true);
  useLayoutEffect(() => {
    const content = ref.current;
    if (!content) return;
    // Only the screen's first layout waits for widgets; a turned tablet (another width, so
    // another key) has them already and only remembers its height under the new key.
    const target = isFirst.current ? remembered(key) : null;
    isFirst.current = false;
    if (target === null) setReserved(null);
    let reserving = target !== null;
    const release = () => {
      reserving = false;
      setReserved(null);
    };
    const measure = () => {
      const height = content.offsetHeight;
      if (reserving && target !== null && height < target - 1) return;
      if (reserving) release();
      remember(key, height);
    };
    const timer = reserving
      ? setTimeout(() => {
          release();
          remember(key, content.offsetHeight);
        }, RESERVE_MS)
      : undefined;
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(content);
    return () => {
      clearTimeout(timer);
      observer?.disconnect();
    };
  }, [key]);
  return { ref, minHeight: reserved ?? undefined };
}
