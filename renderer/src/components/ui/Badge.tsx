// A small label beside a name: a count ("Review 3"), a status ("Unverified"), a kind.
import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'accent' | 'flag' | 'ok' | 'warn';

export function Badge({ tone = 'neutral', count = false, children, title }: { tone?: BadgeTone; count?: boolean; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}${count ? ' badge-count' : ''}`} title={title}>
      {children}
    </span>
  );
}
