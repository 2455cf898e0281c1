// Ctrl/Cmd+K anywhere: search cases by name and page text across every case, and open the result.
import { useEffect, useState } from 'react';
import { Dialog, Heading, Input, Label, ListBox, ListBoxItem, ListBoxSection, Header, Modal, ModalOverlay, SearchField } from 'react-aria-components';
import type { CaseSummaryDto } from '../../../../shared/api/cases';
import type { SearchHit } from '../../../../shared/api/documents';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { navigate } from '../../router';
import { hitHref } from '../viewer/links';
import { Snippet, snippetText } from './Snippet';
import { ErrorText } from '../ErrorText';

type Item = { id: string; kind: 'case'; c: CaseSummaryDto } | { id: string; kind: 'hit'; h: SearchHit };

function usePaletteResults(query: string) {
  const [cases, setCases] = useState<CaseSummaryDto[]>([]);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const q = query.trim();
    const t = setTimeout(() => {
      invoke('cases.list', { query: q || undefined })
        .then((c) => live && setCases(c.slice(0, 8)))
        .catch((e: Error) => live && setError(e.message));
      if (!q) return setHits([]);
      invoke('search.query', { query: q, limit: 20 })
        .then((r) => live && (setHits(r.hits), setError(null)))
        .catch((e: Error) => live && (setHits([]), setError(e.message)));
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);
  return { cases, hits, error };
}

function Palette({ close }: { close(): void }) {
  const [query, setQuery] = useState('');
  const { cases, hits, error } = usePaletteResults(query);
  const caseItems: Item[] = cases.map((c) => ({ id: `case:${c.id}`, kind: 'case', c }));
  const hitItems: Item[] = hits.map((h) => ({ id: `hit:${h.documentId}:${h.page}`, kind: 'hit', h }));
  const open = (key: string) => {
    const item = [...caseItems, ...hitItems].find((i) => i.id === key);
    if (!item) return;
    close();
    if (item.kind === 'case') navigate({ page: 'case', caseId: item.c.id, section: 'overview', rest: [] });
    else window.location.hash = hitHref(item.h, query);
  };
  return (
    <Dialog className="palette" aria-labelledby="palette-title">
      <Heading slot="title" id="palette-title" className="sr-only">
        Search everything
      </Heading>
      <SearchField
        value={query}
        onChange={setQuery}
        autoFocus
        aria-label="Search cases and documents"
        onKeyDown={(e) => {
          // Down arrow moves from the box into the results.
          if (e.key === 'ArrowDown') (document.querySelector('.palette [role="option"]') as HTMLElement | null)?.focus();
        }}
      >
        <Label className="sr-only">Search cases and documents</Label>
        <Input placeholder="Search cases and the text of every document…" />
      </SearchField>
      <ErrorText message={error} />
      <ListBox aria-label="Results" className="palette-results" onAction={(k) => open(String(k))} renderEmptyState={() => <p className="muted">{query.trim() ? 'Nothing found.' : 'Type to search.'}</p>}>
        {caseItems.length > 0 && (
          <ListBoxSection>
            <Header className="palette-header">Cases</Header>
            {caseItems.map((i) =>
              i.kind === 'case' ? (
                <ListBoxItem key={i.id} id={i.id} textValue={i.c.name} className="palette-item">
                  <span className="hit-title">{i.c.name}</span> <span className="muted">{[i.c.school, i.c.state].filter(Boolean).join(' · ')}</span>
                </ListBoxItem>
              ) : null,
            )}
          </ListBoxSection>
        )}
        {hitItems.length > 0 && (
          <ListBoxSection>
            <Header className="palette-header">Pages</Header>
            {hitItems.map((i) =>
              i.kind === 'hit' ? (
                <ListBoxItem key={i.id} id={i.id} textValue={`${i.h.title}, page ${i.h.page}: ${snippetText(i.h.snippet)}`} className="palette-item">
                  <div className="hit-head">
                    <span className="hit-title">{i.h.title}</span>
                    <span className="muted">{[i.h.caseName, `page ${i.h.page}`, i.h.date && formatDisplayDate(i.h.date)].filter(Boolean).join(' · ')}</span>
                  </div>
                  <Snippet snippet={i.h.snippet} />
                </ListBoxItem>
              ) : null,
            )}
          </ListBoxSection>
        )}
      </ListBox>
    </Dialog>
  );
}

export function CommandPalette() {
  const [isOpen, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <ModalOverlay className="overlay palette-overlay" isDismissable isOpen={isOpen} onOpenChange={setOpen}>
      <Modal className="modal palette-modal">
        <Palette close={() => setOpen(false)} />
      </Modal>
    </ModalOverlay>
  );
}
