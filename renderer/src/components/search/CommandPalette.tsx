// Ctrl/Cmd+K anywhere: run a command (new case, any section of this case, import, packet, a letter,
// a deadline event, the theme, settings), open a case, or find page text, in this case or in all
// cases. Commands match by prefix, by words and by letters in order ("rev" finds Review).
import { useEffect, useMemo, useState } from 'react';
import { Dialog, Header, Heading, Input, Label, ListBox, ListBoxItem, ListBoxSection, Modal, ModalOverlay, SearchField, ToggleButton } from 'react-aria-components';
import type { SearchHit } from '../../../../shared/api/search';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { keys, useCall } from '../../api/queries';
import { navigate, useRoute, type Route } from '../../router';
import { appCommands, caseCommands, SECTION_SHORTCUTS, type Command } from '../shell/commands';
import { isTyping, openShortcuts } from '../shell/shortcuts';
import { hitHref } from '../viewer/links';
import { ErrorText } from '../ErrorText';
import { rankByMatch } from './match';
import { Snippet, snippetText } from './Snippet';

function usePageHits(query: string, caseId: string | undefined) {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const q = query.trim();
    if (q.length < 2) {
      setHits([]);
      setError(null);
      return;
    }
    const t = setTimeout(() => {
      invoke('search.query', { query: q, caseId, limit: 20 })
        .then((r) => live && (setHits(r.hits), setError(null)))
        .catch((e: Error) => live && (setHits([]), setError(e.message)));
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, caseId]);
  return { hits, error };
}

function Palette({ close, route }: { close(): void; route: Route }) {
  const [query, setQuery] = useState('');
  const caseId = route.page === 'case' ? route.caseId : null;
  const [allCases, setAllCases] = useState(!caseId);
  const current = useCall(keys.case(caseId ?? '', 'details'), 'cases.get', { caseId: caseId ?? '' }, { enabled: !!caseId });
  const templates = useCall(keys.all('letter-templates'), 'letters.templates', undefined, { enabled: !!caseId });
  const cases = useCall(keys.cases('list', '', false), 'cases.list', { query: '', includeArchived: false });
  const { hits, error } = usePageHits(query, allCases || !caseId ? undefined : caseId);

  const commands = useMemo<Command[]>(
    () => [...(caseId && current.data ? caseCommands(current.data, templates.data ?? []) : []), ...appCommands()],
    [caseId, current.data, templates.data],
  );
  const shownCommands = query.trim() ? rankByMatch(query, commands, (c) => c.title).slice(0, 8) : commands.filter((c) => c.group !== 'This case' || !c.id.startsWith('case:letter:')).slice(0, 10);
  const otherCases = (cases.data ?? []).filter((c) => c.id !== caseId);
  const shownCases = query.trim() ? rankByMatch(query, otherCases, (c) => `${c.name} ${c.childName ?? ''} ${c.school ?? ''}`).slice(0, 6) : otherCases.slice(0, 4);

  const run = (key: string) => {
    const [kind, ...restOfKey] = key.split('|');
    const id = restOfKey.join('|');
    close();
    if (kind === 'cmd') commands.find((c) => c.id === id)?.run();
    else if (kind === 'case') navigate({ page: 'case', caseId: id, section: 'overview', rest: [] });
    else {
      const h = hits.find((x) => `${x.documentId}:${x.page}` === id);
      if (h) window.location.hash = hitHref(h, query);
    }
  };
  const scopeName = current.data?.name;

  return (
    <Dialog className="palette" aria-labelledby="palette-title">
      <Heading slot="title" id="palette-title" className="sr-only">
        Commands and search
      </Heading>
      <div className="palette-top">
        <SearchField
          value={query}
          onChange={setQuery}
          autoFocus
          aria-label="Type a command, a case or words to find"
          className="palette-search"
          onKeyDown={(e) => {
            // Down arrow moves from the box into the results.
            if (e.key === 'ArrowDown') (document.querySelector('.palette [role="option"]') as HTMLElement | null)?.focus();
          }}
        >
          <Label className="sr-only">Type a command, a case or words to find</Label>
          <Input placeholder={scopeName && !allCases ? `Commands, cases, or words in ${scopeName}'s documents…` : 'Commands, cases, or words in every document…'} />
        </SearchField>
        {caseId && (
          <ToggleButton isSelected={allCases} onChange={setAllCases} className="palette-scope">
            All cases
          </ToggleButton>
        )}
      </div>
      <ErrorText message={error} />
      <ListBox aria-label="Results" className="palette-results" onAction={(k) => run(String(k))} renderEmptyState={() => <p className="muted">Nothing found.</p>}>
        {shownCommands.length > 0 && (
          <ListBoxSection>
            <Header className="palette-header">Commands</Header>
            {shownCommands.map((c) => (
              <ListBoxItem key={c.id} id={`cmd|${c.id}`} textValue={c.title} className="palette-item palette-command">
                <span className="hit-title">{c.title}</span>
                {c.shortcut && <kbd className="palette-kbd">{c.shortcut}</kbd>}
              </ListBoxItem>
            ))}
          </ListBoxSection>
        )}
        {shownCases.length > 0 && (
          <ListBoxSection>
            <Header className="palette-header">Cases</Header>
            {shownCases.map((c) => (
              <ListBoxItem key={c.id} id={`case|${c.id}`} textValue={c.name} className="palette-item">
                <span className="hit-title">{c.name}</span> <span className="muted">{[c.school, c.state].filter(Boolean).join(' · ')}</span>
              </ListBoxItem>
            ))}
          </ListBoxSection>
        )}
        {hits.length > 0 && (
          <ListBoxSection>
            <Header className="palette-header">{caseId && !allCases ? `Pages in ${scopeName ?? 'this case'}` : 'Pages in all cases'}</Header>
            {hits.map((h) => (
              <ListBoxItem key={`${h.documentId}:${h.page}`} id={`hit|${h.documentId}:${h.page}`} textValue={`${h.title}, page ${h.page}: ${snippetText(h.snippet)}`} className="palette-item">
                <div className="hit-head">
                  <span className="hit-title">{h.title}</span>
                  <span className="muted">{[h.caseName, `page ${h.page}`, h.date && formatDisplayDate(h.date)].filter(Boolean).join(' · ')}</span>
                </div>
                <Snippet snippet={h.snippet} />
              </ListBoxItem>
            ))}
          </ListBoxSection>
        )}
      </ListBox>
      <p className="palette-foot muted small">
        ↑↓ to choose · Enter to run · Esc to close · <kbd>?</kbd> all shortcuts
      </p>
    </Dialog>
  );
}

/** The palette and the app's global shortcuts (Ctrl/Cmd+K, ?, Ctrl+, and Alt+digit for a case's sections). */
export function CommandPalette() {
  const [isOpen, setOpen] = useState(false);
  const route = useRoute();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
      } else if (mod && e.key === ',') {
        e.preventDefault();
        navigate({ page: 'settings' });
      } else if (e.key === '?' && !mod && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        openShortcuts();
      } else if (e.altKey && !mod && route.page === 'case' && /^Digit\d$/.test(e.code)) {
        const s = SECTION_SHORTCUTS.find((x) => x.key === e.code.slice(5));
        if (s) {
          e.preventDefault();
          navigate({ page: 'case', caseId: route.caseId, section: s.id, rest: [] });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route]);
  return (
    <ModalOverlay className="overlay palette-overlay" isDismissable isOpen={isOpen} onOpenChange={setOpen}>
      <Modal className="modal palette-modal">
        <Palette close={() => setOpen(false)} route={route} />
      </Modal>
    </ModalOverlay>
  );
}
