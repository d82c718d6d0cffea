import { addDays, businessDate, GuestPhoneSchema, type Reservation, type Table, zonedTime } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { ApiError, useHost } from '@pos/plugin-sdk';
import { Button, Dialog, QuantityStepper, Segmented, VisuallyHidden } from '@pos/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useReservations } from '../../api/get-reservations';
import { useCreateReservation, useUpdateReservation } from '../../api/reservation-commands';
import { clashes, daySlots, slotWindow, suggestTables, type TableAvailability, tableAvailability } from '../../model/booking-slots';
import { useNow } from '../../model/venue-clock';
import styles from './reservation-dialog.module.css';

export interface ReservationDraft {
  date: string;
  tableIds: string[];
  time?: string;
  guests: number;
}

export interface ReservationDialogProps {
  /** The tables of the hall on screen. */
  tables: readonly Table[];
  draft?: ReservationDraft;
  existing?: Reservation;
  onClose(): void;
}

type Field = 'time' | 'tables' | 'guests' | 'guestName' | 'guestPhone' | 'note';
const FIELD_OF_PATH: Record<string, Field> = {
  'body.startsAt': 'time',
  'body.endsAt': 'time',
  'body.durationMinutes': 'time',
  'body.tableId': 'tables',
  'body.tableIds': 'tables',
  'body.guests': 'guests',
  'body.guestName': 'guestName',
  'body.guestPhone': 'guestPhone',
  'body.note': 'note',
};
const DURATIONS = [60, 90, 120, 180] as const;
const GUEST_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/**
 * Book or change a reservation: the day, a free time slot for the chosen table(s), how long,
 * the party (with tables suggested for its size), the guest's name, phone and a note.
 */
export function ReservationDialog({ tables, draft, existing, onClose }: ReservationDialogProps) {
  const { t } = useTranslation('reservations');
  const { session, notify } = useHost();
  const timeZone = session.venue.timezone;
  const now = useNow();
  const today = businessDate(now, timeZone);

  const [date, setDate] = useState(existing?.date ?? draft?.date ?? today);
  const [time, setTime] = useState<string | null>(existing ? zonedTime(existing.startsAt, timeZone) : (draft?.time ?? null));
  const initialLength = existing ? Math.round((Date.parse(existing.endsAt) - Date.parse(existing.startsAt)) / 60_000) : 120;
  const [duration, setDuration] = useState(initialLength);
  const [guests, setGuests] = useState(existing?.guests ?? draft?.guests ?? 2);
  const [tableIds, setTableIds] = useState<string[]>(existing?.tables.map((tb) => tb.id) ?? draft?.tableIds ?? []);
  const [guestName, setGuestName] = useState(existing?.guestName ?? '');
  const [guestPhone, setGuestPhone] = useState(existing?.guestPhone ?? '');
  const [note, setNote] = useState(existing?.note ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const create = useCreateReservation();
  const update = useUpdateReservation();
  const busy = create.isPending || update.isPending;
  const dayBookings = useReservations(date).data ?? [];

  const slots = useMemo(() => {
    const all = daySlots();
    return time && !all.includes(time) ? [...all, time].sort() : all;
  }, [time]);
  const windowOf = (at: string) => slotWindow(date, at, duration, timeZone);
  const window = time ? windowOf(time) : null;
  const isTaken = (at: string) => tableIds.length > 0 && clashes(dayBookings, tableIds, windowOf(at), existing?.id).length > 0;
  const isPast = (at: string) => Date.parse(windowOf(at).startsAt) < now - 60_000 && at !== (existing ? zonedTime(existing.startsAt, timeZone) : '');
  const suggested = window ? suggestTables(tables, dayBookings, guests, window, existing?.id, 3, now) : [];
  const seats = tables.filter((tb) => tableIds.includes(tb.id)).reduce((sum, tb) => sum + tb.seats, 0);
  // Each table's availability in the chosen window, worked out once per render.
  const availabilityOf = new Map<string, TableAvailability>(tables.map((tb) => [tb.id, window ? tableAvailability(tb, dayBookings, window, now, existing?.id) : { state: 'free' }]));
  const availability = (tb: Table): TableAvailability => availabilityOf.get(tb.id) ?? { state: 'free' };
  const takenText = (a: TableAvailability) =>
    a.state === 'booked' ? t('dialog.bookedBy', { from: zonedTime(a.by.startsAt, timeZone), to: zonedTime(a.by.endsAt, timeZone), name: a.by.guestName }) : a.state === 'occupied' ? t('dialog.occupiedNow') : '';

  const toggleTable = (id: string) => setTableIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!time) found.time = t('dialog.pickTime');
    if (tableIds.length === 0) found.tables = t('dialog.pickTable');
    if (!guestName.trim()) found.guestName = t('dialog.needName');
    if (!GuestPhoneSchema.safeParse(guestPhone).success) found.guestPhone = t('dialog.badPhone');
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0 || !time) return;
    const { startsAt } = windowOf(time);
    const fields = { tableIds, startsAt, durationMinutes: duration, guests, guestName: guestName.trim(), guestPhone: guestPhone.trim() };
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.problem.errors?.length) {
        setErrors(Object.fromEntries(error.problem.errors.map((e) => [FIELD_OF_PATH[e.path] ?? 'time', e.message])));
      }
      const other = error instanceof ApiError && error.code === 'reservation.conflict' ? (error.problem.conflict as Reservation | undefined) : undefined;
      setProblem(
        other
          ? t('dialog.conflict', {
              labels: other.tables.map((tb) => tb.label).join('+'),
              from: zonedTime(other.startsAt, timeZone),
              to: zonedTime(other.endsAt, timeZone),
              name: other.guestName,
            })
          : problemText(t, error),
      );
    };
    const label = tables.filter((tb) => tableIds.includes(tb.id)).map((tb) => tb.label).join('+');
    if (existing) {
      update.mutate(
        { id: existing.id, input: { ...fields, note: note.trim() || null, version: existing.version } },
        {
          onSuccess: () => {
            notify('success', t('dialog.changed'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...fields, ...(note.trim() ? { note: note.trim() } : {}) },
        {
          onSuccess: () => {
            notify('success', t('dialog.booked', { label, time }));
            onClose();
          },
          onError,
        },
      );
    }
  };

  const dateOptions = [today, addDays(today, 1)];

  return (
    <Dialog
      title={existing ? t('dialog.editTitle', { name: existing.guestName }) : t('dialog.newTitle')}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      footer={
        <>
          {problem && (
            <p className={styles.problem} role="alert" data-testid="reservation-problem">
              {problem}
            </p>
          )}
          <Button size="large" onClick={onClose}>
            {t('dialog.close')}
          </Button>
          <Button size="large" variant="primary" type="submit" form="reservation-form" disabled={busy} data-testid="reservation-save">
            {busy ? t('dialog.saving') : existing ? t('dialog.saveChanges') : t('dialog.save')}
          </Button>
        </>
      }
    >
      <form id="reservation-form" className={styles.form} onSubmit={submit} data-testid="reservation-dialog" noValidate>
        <div className={styles.column}>
          <fieldset className={styles.field}>
            <legend>{t('dialog.date')}</legend>
            <div className={styles.dateRow}>
              <Segmented<string>
                options={dateOptions.map((d) => ({ value: d, label: d === today ? t('today') : t('tomorrow'), testId: `reservation-date-${d}` }))}
                value={date}
                onChange={setDate}
              />
              <input type="date" className={[styles.dateInput, !dateOptions.includes(date) && styles.dateChosen].filter(Boolean).join(' ')} value={date} min={today} onChange={(e) => e.target.value && setDate(e.target.value)} aria-label={t('dialog.date')} data-testid="reservation-date-input" />
            </div>
          </fieldset>
          <fieldset className={styles.field}>
            <legend>{t('dialog.time')}</legend>
            <div className={styles.slots} role="radiogroup">
              {slots.map((slot) => {
                const taken = isTaken(slot);
                const past = isPast(slot);
                return (
                  <button
                    key={slot}
                    type="button"
                    role="radio"
                    aria-checked={slot === time}
                    disabled={past}
                    className={[styles.slot, slot === time && styles.selected, taken && styles.taken].filter(Boolean).join(' ')}
                    onClick={() => setTime(slot)}
                    data-testid={`reservation-time-${slot}`}
                    data-taken={taken || undefined}
                    title={taken ? t('dialog.taken') : undefined}
                  >
                    {slot}
                  </button>
                );
              })}
            </div>
            {errors.time && <p className={styles.error}>{errors.time}</p>}
          </fieldset>
          <fieldset className={styles.field}>
            <legend>{t('dialog.duration')}</legend>
            <Segmented<number> options={DURATIONS.map((m) => ({ value: m, label: t('dialog.hours', { count: m / 60 }), testId: `reservation-duration-${m}` }))} value={duration} onChange={setDuration} />
          </fieldset>
          <fieldset className={styles.field}>
            <legend className={styles.legendRow}>
              {t('dialog.guests')}
              <QuantityStepper value={guests} onChange={(n) => setGuests(Math.max(1, Math.min(99, n)))} min={1} max={99} testId="reservation-guests-stepper" />
            </legend>
            <div className={styles.counts} role="radiogroup">
              {GUEST_CHOICES.map((n) => (
                <button key={n} type="button" role="radio" aria-checked={n === guests} className={[styles.slot, n === guests && styles.selected].filter(Boolean).join(' ')} onClick={() => setGuests(n)} data-testid={`reservation-guests-${n}`}>
                  {n}
                </button>
              ))}
            </div>
            {errors.guests && <p className={styles.error}>{errors.guests}</p>}
          </fieldset>
        </div>

        <div className={styles.column}>
          <fieldset className={styles.field}>
            <legend>{t('dialog.tables')}</legend>
            {window && (
              <p className={styles.hint} data-testid="reservation-suggested">
                {suggested.length > 0 ? (
                  <>
                    {t('dialog.suggested')}:{' '}
                    {suggested.map((tb) => (
                      <button key={tb.id} type="button" className={styles.suggestion} onClick={() => setTableIds([tb.id])} data-testid={`reservation-suggest-${tb.label}`}>
                        {tb.label} · {tb.seats}
                      </button>
                    ))}
                  </>
                ) : (
                  t('dialog.noSuggestion', { count: guests })
                )}
              </p>
            )}
            <div className={styles.tables}>
              {tables.map((tb) => {
                const a = availability(tb);
                const isChosen = tableIds.includes(tb.id);
                return (
                  <button
                    key={tb.id}
                    type="button"
                    aria-pressed={isChosen}
                    // A table booked then cannot take the party; one chosen already can still be let go.
                    disabled={a.state === 'booked' && !isChosen}
                    className={[styles.tableChip, isChosen && styles.selected, a.state !== 'free' && styles.taken].filter(Boolean).join(' ')}
                    onClick={() => toggleTable(tb.id)}
                    data-testid={`reservation-table-${tb.label}`}
                    data-availability={a.state}
                    title={takenText(a) || undefined}
                  >
                    {/* Named by what it shows ("5 2 21:00–23:00"); hidden words after it say what the numbers are. */}
                    <b>{tb.label}</b> <span>{tb.seats}</span>
                    {a.state !== 'free' && (
                      <>
                        {' '}
                        <small className={styles.takenWhy}>{a.state === 'booked' ? `${zonedTime(a.by.startsAt, timeZone)}–${zonedTime(a.by.endsAt, timeZone)}` : t('dialog.occupiedShort')}</small>
                      </>
                    )}
                    <VisuallyHidden>{` (${[t('dialog.tableName', { label: tb.label, count: tb.seats }), takenText(a)].filter(Boolean).join(', ')})`}</VisuallyHidden>
                  </button>
                );
              })}
            </div>
            {window && tables.some((tb) => availability(tb).state !== 'free') && (
              <p className={styles.hint} data-testid="reservation-taken-legend">
                {t('dialog.takenLegend')}
              </p>
            )}
            {tables.some((tb) => tableIds.includes(tb.id) && availability(tb).state === 'occupied') && (
              <p className={styles.error} data-testid="reservation-occupied-warning">
                {t('dialog.occupiedWarning')}
              </p>
            )}
            {tableIds.length > 0 && seats < guests && <p className={styles.error}>{t('dialog.seatsShort', { seats })}</p>}
            {errors.tables && <p className={styles.error}>{errors.tables}</p>}
          </fieldset>
          <div className={styles.pair}>
            <label className={styles.field}>
              <span>{t('dialog.name')}</span>
              <input className={styles.input} value={guestName} onChange={(e) => setGuestName(e.target.value)} maxLength={80} autoComplete="off" data-testid="reservation-name" aria-invalid={Boolean(errors.guestName)} />
              {errors.guestName && <p className={styles.error}>{errors.guestName}</p>}
            </label>
            <label className={styles.field}>
              <span>{t('dialog.phone')}</span>
              <input className={styles.input} type="tel" inputMode="tel" value={guestPhone} onChange={(e) => setGuestPhone(e.target.value)} maxLength={24} placeholder="+7 900 000-00-00" data-testid="reservation-phone" aria-invalid={Boolean(errors.guestPhone)} />
              {errors.guestPhone && <p className={styles.error}>{errors.guestPhone}</p>}
            </label>
          </div>
          <label className={styles.field}>
            <span>{t('dialog.note')}</span>
            <input className={styles.input} value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} placeholder={t('dialog.notePlaceholder')} data-testid="reservation-note" />
          </label>
        </div>
      </form>
    </Dialog>
  );
}
