import { addNamespace, type I18n } from '@pos/i18n';
import { approvalTexts } from '../features/approval/texts';
import { frameTexts } from './frame-texts';

/**
 * The signed-in frame's texts (navigation, roles, the outbox panel, the approval dialog). The
 * frame registers them as it first renders, so they travel in its chunk, fetched while the PIN is
 * typed, and not in the PIN pad's first load. Adding them again is harmless.
 */
export function addSignedInTexts(i18n: I18n): void {
  addNamespace(i18n, 'shell', frameTexts);
  addNamespace(i18n, 'approval', approvalTexts);
}
