// A plain data table: a caption for screen readers (shown when asked), head cells that do not wrap,
// and numbers right-aligned in tabular figures (a cell with className="num").
import type { ReactNode } from 'react';

export interface TableProps {
  caption: ReactNode;
  /** Show the caption above the table; hidden (still read) by default. */
  showCaption?: boolean;
  className?: string;
  children: ReactNode;
}

export function Table({ caption, showCaption = false, className, children }: TableProps) {
  return (
    <div className="table-scroll">
      <table className={['data-table', className].filter(Boolean).join(' ')}>
        <caption className={showCaption ? 'table-caption' : 'sr-only'}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

