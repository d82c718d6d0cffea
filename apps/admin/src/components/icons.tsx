import type { ReactNode } from 'react';

const Icon = ({ children }: { children: ReactNode }) => (
  <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    {children}
  </svg>
);

/** Section icons, drawn inline: no icon font or package for a handful of glyphs. */
export const icons = {
  flags: (
    <Icon>
      <rect x="2" y="7" width="20" height="10" rx="5" />
      <circle cx="16" cy="12" r="2.6" />
    </Icon>
  ),
  roles: (
    <Icon>
      <path d="M12 3l8 3v6c0 4.6-3.3 7.9-8 9-4.7-1.1-8-4.4-8-9V6z" />
      <path d="M8.5 12l2.5 2.5 4.5-5" />
    </Icon>
  ),
  staff: (
    <Icon>
      <circle cx="9" cy="8" r="3.6" />
      <path d="M2.5 20c.4-3.6 3-5.6 6.5-5.6s6.1 2 6.5 5.6" />
      <path d="M15.5 4.6a3.6 3.6 0 010 6.8M18 14.8c2 .7 3.2 2.4 3.5 5.2" />
    </Icon>
  ),
  stock: (
    <Icon>
      <path d="M3 7.5L12 3l9 4.5-9 4.5z" />
      <path d="M3 7.5v9L12 21l9-4.5v-9M12 12v9" />
    </Icon>
  ),
  payments: (
    <Icon>
      <rect x="2.5" y="5" width="19" height="14" rx="2.5" />
      <path d="M2.5 9.5h19M6.5 15h4" />
    </Icon>
  ),
  remotes: (
    <Icon>
      <path d="M12 3l9 4.8-9 4.8-9-4.8z" />
      <path d="M3 12.2l9 4.8 9-4.8M3 16.4l9 4.8 9-4.8" />
    </Icon>
  ),
  search: (
    <Icon>
      <circle cx="11" cy="11" r="6.5" />
      <path d="M20 20l-4.2-4.2" />
    </Icon>
  ),
};
