import { addNamespace, type I18n } from '@pos/i18n';
import { shellTexts } from './shell-texts';

/**
 * Registers what the PIN pad needs before anyone signs in. The signed-in frame's own texts come
 * with its chunk (signed-in-texts.ts), the screens' with theirs (below): the first load carries
 * neither.
 */
export function addPinPadTexts(i18n: I18n): void {
  addNamespace(i18n, 'shell', shellTexts);
}

const screenTexts = new WeakMap<I18n, Promise<void>>();

/**
 * The screens' texts, fetched in their own chunk once, like the screens themselves: in both
 * languages they weigh as much as a screen, and the PIN pad's first load does without them.
 */
export function loadScreenTexts(i18n: I18n): Promise<void> {
  let loading = screenTexts.get(i18n);
  if (!loading) {
    loading = import('./screen-texts').then(({ addScreenTexts }) => addScreenTexts(i18n));
    screenTexts.set(i18n, loading);
  }
  return loading;
}
