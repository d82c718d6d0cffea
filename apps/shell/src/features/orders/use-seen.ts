import { type RefObject, useEffect, useState } from 'react';

/**
 * True once the element has come near the viewport, and from then on. A day's list can hold
 * hundreds of paid orders; each row's remote actions are a parcel (its own React root), so they
 * mount as rows scroll into view rather than all at once. Without IntersectionObserver (old
 * browsers, jsdom) everything counts as seen.
 */
export function useSeen(ref: RefObject<Element | null>, rootMargin = '300px'): boolean {
  const [isSeen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
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
  }, [ref, isSeen, rootMargin]);
  return isSeen;
}
