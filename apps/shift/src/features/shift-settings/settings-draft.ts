import { MAX_MAX_OPEN_MINUTES, MIN_MAX_OPEN_MINUTES, type PutShiftSettingsInput, type ShiftSettings } from '@pos/contracts';

/** The form as typed: the closeout time ('' = none) and the limit in hours, as text. */
export interface SettingsDraft {
  closeoutTime: string;
  autoClose: boolean;
  maxHours: string;
}

export const MIN_HOURS = MIN_MAX_OPEN_MINUTES / 60;
export const MAX_HOURS = MAX_MAX_OPEN_MINUTES / 60;

export const draftOf = (s: ShiftSettings): SettingsDraft => ({
  closeoutTime: s.closeoutTime ?? '',
  autoClose: s.autoClose,
  maxHours: String(Math.round((s.maxOpenMinutes / 60) * 100) / 100),
});

/** What is sent: hours become whole minutes; auto-close goes off with the closeout time. */
export function inputOf(d: SettingsDraft): PutShiftSettingsInput {
  const closeoutTime = d.closeoutTime.trim() === '' ? null : d.closeoutTime.trim();
  const hours = Number(d.maxHours.replace(',', '.'));
  return { closeoutTime, autoClose: closeoutTime !== null && d.autoClose, maxOpenMinutes: Number.isFinite(hours) && d.maxHours.trim() !== '' ? Math.round(hours * 60) : Number.NaN };
}
