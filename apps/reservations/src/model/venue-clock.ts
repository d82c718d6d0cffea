import { useEffect, useState } from 'react';

/** The current time, refreshed every `ms`, so colours move on from "soon" to "due" by themselves. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** "пт, 14 марта" / "Fri, March 14" for a business day (a calendar date, no time zone involved). */
export function formatDay(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** Minutes from `now` until an instant (negative once it has passed). */
export const minutesUntil = (iso: string, now: number) => Math.round((Date.parse(iso) - now) / 60_000);
