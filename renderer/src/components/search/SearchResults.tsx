// Page-level search hits: title, page, date and the snippet with the hit terms marked.
import { GridList, GridListItem } from 'react-aria-components';
import type { SearchHit } from '../../../../shared/api/search';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { Snippet, snippetText } from './Snippet';

export function hitKey(h: SearchHit): string {
  return `${h.documentId}#${h.page}`;
}

export function SearchResults({ hits, onOpen, showCase = false, label }: { hits: SearchHit[]; onOpen(hit: SearchHit): void; showCase?: boolean; label: string }) {
  return (
    <GridList aria-label={label} items={hits.map((h) => ({ ...h, id: hitKey(h) }))} className="hit-list" onAction={(key) => {
      const h = hits.find((x) => hitKey(x) === key);
      if (h) onOpen(h);
    }}>
      {(h) => (
        <GridListItem id={h.id} textValue={`${h.title}, page ${h.page}: ${snippetText(h.snippet)}`} className="hit-row">
          <div className="hit-head">
            <span className="hit-title">{h.title}</span>
            <span className="muted">
              {[showCase && h.caseName, `page ${h.page}`, h.date && formatDisplayDate(h.date)].filter(Boolean).join(' · ')}
            </span>
          </div>
          <Snippet snippet={h.snippet} />
        </GridListItem>
      )}
    </GridList>
  );
}
