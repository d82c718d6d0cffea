import type { I18n } from '@pos/i18n';
import { addPinPadTexts } from './frame';
import { addScreenTexts } from './screen-texts';
import { addSignedInTexts } from './signed-in-texts';

/** Registers all the shell's namespaces at once (tests); the app loads the screens' texts lazily (see frame.ts). */
export function addShellTexts(i18n: I18n): void {
  addPinPadTexts(i18n);
  addSignedInTexts(i18n);
  addScreenTexts(i18n);
}
