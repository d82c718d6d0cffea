import { type PointerEvent as ReactPointerEvent, useCallback, useEffect, useRef, useState } from 'react';

/** The order lines live in the shell; the remote finds them at drop time, never holds on to them. */
export const DROP_TARGET_SELECTOR = '[data-testid="order-panel"]';
/** Movement below this is a tap with a shaky finger, not a drag. */
const DRAG_THRESHOLD = 8;

export interface DragState {
  key: string;
  x: number;
  y: number;
  isOverTarget: boolean;
}

const isOverTarget = (x: number, y: number): boolean => {
  const rect = document.querySelector(DROP_TARGET_SELECTOR)?.getBoundingClientRect();
  return rect !== undefined && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
};

/**
 * Drag a card onto the order panel, with mouse, pen or finger alike (Pointer Events). Moves are
 * followed on the window so the drag goes on outside the card; a drop outside the order panel
 * does nothing. `isClickAfterDrag()` tells the card's click handler to ignore the click a drag
 * ends with.
 */
export function useDragToAdd(onDrop: (key: string) => void) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const start = useRef<{ key: string; x: number; y: number; pointerId: number; isDragging: boolean } | null>(null);
  const suppressClick = useRef(false);
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;
  const cleanup = useRef<() => void>(() => undefined);

  useEffect(() => () => cleanup.current(), []);

  const onPointerDown = useCallback((key: string, e: ReactPointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    cleanup.current();
    start.current = { key, x: e.clientX, y: e.clientY, pointerId: e.pointerId, isDragging: false };
    const move = (ev: PointerEvent) => {
      const s = start.current;
      if (!s || ev.pointerId !== s.pointerId) return;
      if (!s.isDragging && Math.hypot(ev.clientX - s.x, ev.clientY - s.y) < DRAG_THRESHOLD) return;
      s.isDragging = true;
      ev.preventDefault();
      setDrag({ key: s.key, x: ev.clientX, y: ev.clientY, isOverTarget: isOverTarget(ev.clientX, ev.clientY) });
    };
    const end = (ev: PointerEvent) => {
      const s = start.current;
      if (!s || ev.pointerId !== s.pointerId) return;
      cleanup.current();
      if (!s.isDragging) return;
      suppressClick.current = true;
      setTimeout(() => (suppressClick.current = false), 0);
      if (ev.type === 'pointerup' && isOverTarget(ev.clientX, ev.clientY)) dropRef.current(s.key);
    };
    window.addEventListener('pointermove', move, { passive: false });
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    cleanup.current = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      start.current = null;
      setDrag(null);
      cleanup.current = () => undefined;
    };
  }, []);

  const isClickAfterDrag = useCallback(() => suppressClick.current, []);

  return { drag, onPointerDown, isClickAfterDrag };
}
