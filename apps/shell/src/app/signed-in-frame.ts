import { preloadable } from './preloadable';

/**
 * The signed-in frame (header, navigation, outbox panel, approval dialog, slots) is its own chunk:
 * the PIN pad's first load does without it. createShellServices fetches it (and the floor) once
 * the PIN pad is on screen, so a sign-in renders it at once.
 */
export const SignedInFrame = preloadable(() => import('./signed-in').then((m) => m.SignedIn));
