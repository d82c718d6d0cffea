import { useEffect, useState } from 'react';

/**
 * True once the element has come near the viewport, and from then on. A day's list can hold
 * hundreds of paid orders; each row's remote actions are a parcel (its own React root), so they
 * mount as rows scroll into view rather than all at once. Without IntersectionObserver (old
 * browsers, jsdom) everything counts as seen.
 *
 * Returns a callback ref: the element may appear after the first render (the actions column
 * shows up once a remote contributes to it), and the observer must follow it.
 */
export function useSeen(rootMargin = '300px'): [(element: Element | null) => void, boolean] {
  const [element, setElement] = useState<Element | null>(null);
  const [isSeen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (isSeen || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setSeen(true);
          observer.disconnect();
        }
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, isSeen, rootMargin]);
  return [setElement, isSeen];
}
