/** The deployed version of this remote, set at build time (shown in the admin header). */
declare const __REMOTE_VERSION__: string;
