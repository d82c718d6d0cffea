import type { Plans, PutPlansInput } from '@pos/contracts';
import { problemFields } from '@pos/i18n';

/**
 * The plan page edits a draft of all seven weekdays; saving sends them all (the API replaces the
 * weekdays it is given). An emptied hour field is null in the draft and goes as null on purpose:
 * the server names the field (`days.N.hours.H`), one place for the rules.
 */

export interface PlanDraft {
  thresholdPercent: number | null;
  /** Monday first; each weekday's 24 hour targets in minor units. */
  days: { weekday: number; hours: (number | null)[] }[];
}

export function draftOf(plans: Plans): PlanDraft {
  return { thresholdPercent: plans.thresholdPercent, days: plans.days.map((d) => ({ weekday: d.weekday, hours: [...d.hours] })) };
}

export function inputOf(draft: PlanDraft): PutPlansInput {
  return {
    thresholdPercent: draft.thresholdPercent as number,
    days: draft.days.map((d) => ({ weekday: d.weekday, hours: d.hours as number[] })),
  };
}

export const dayTotal = (hours: readonly (number | null)[]): number => hours.reduce<number>((sum, h) => sum + (h ?? 0), 0);

export function setHour(draft: PlanDraft, weekday: number, hour: number, value: number | null): PlanDraft {
  return { ...draft, days: draft.days.map((d) => (d.weekday === weekday ? { ...d, hours: d.hours.map((h, i) => (i === hour ? value : h)) } : d)) };
}

/** "Copy this day to all weekdays": every weekday gets the same 24 targets. */
export function copyToAll(draft: PlanDraft, weekday: number): PlanDraft {
  const source = draft.days.find((d) => d.weekday === weekday);
  return source ? { ...draft, days: draft.days.map((d) => ({ ...d, hours: [...source.hours] })) } : draft;
}

/** A field of the page: the threshold, or one weekday's hour. */
export const hourField = (weekday: number, hour: number) => `day-${weekday}-hour-${hour}`;
export const THRESHOLD_FIELD = 'thresholdPercent';

/**
 * A refusal's problem paths as the page's fields: `days.N.hours.H` names the weekday by its place
 * in the body that was sent (`days.N` alone lands on its first hour), anything else by its path.
 */
export function fieldErrorsOf(error: unknown, sent: PutPlansInput): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [path, message] of Object.entries(problemFields(error))) {
    const day = /^days\.(\d+)(?:\.hours(?:\.(\d+))?)?/.exec(path);
    const weekday = day ? sent.days[Number(day[1])]?.weekday : undefined;
    const field = day && weekday !== undefined ? hourField(weekday, Number(day[2] ?? 0)) : path;
    if (!fields.has(field)) fields.set(field, message);
  }
  return fields;
}

/** The weekdays with an error, to mark their chips. */
export function weekdaysWithErrors(errors: ReadonlyMap<string, string>): Set<number> {
  const days = new Set<number>();
  for (const field of errors.keys()) {
    const m = /^day-(\d+)-/.exec(field);
    if (m) days.add(Number(m[1]));
  }
  return days;
}
