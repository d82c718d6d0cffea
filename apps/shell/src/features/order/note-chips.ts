/** Quick notes a waiter taps instead of typing; the keys live in the 'order' texts under noteChips. */
export const NOTE_CHIPS = ['noOnion', 'noSalt', 'noIce', 'spicy', 'rush', 'togo'] as const;

const parts = (note: string) =>
  note
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);

/** Adds a quick note to the free text, or takes it out again when it is already there. */
export function toggleNotePart(note: string, part: string): string {
  const current = parts(note);
  const has = current.some((p) => p.toLocaleLowerCase() === part.toLocaleLowerCase());
  return (has ? current.filter((p) => p.toLocaleLowerCase() !== part.toLocaleLowerCase()) : [...current, part]).join(', ');
}

export const hasNotePart = (note: string, part: string): boolean => parts(note).some((p) => p.toLocaleLowerCase() === part.toLocaleLowerCase());
