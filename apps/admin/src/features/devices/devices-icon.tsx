/** The section's icon, drawn like those in components/icons: a tablet with a check. */
export const devicesIcon = (
  <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <rect x="4" y="2.5" width="16" height="19" rx="2.5" />
    <path d="M10.5 18.5h3M9 10.5l2 2 4-4" />
  </svg>
);
