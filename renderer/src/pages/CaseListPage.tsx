import { useCallback, useEffect, useState } from 'react';
import { Button, Checkbox, GridList, GridListItem, SearchField, Input, Label } from 'react-aria-components';
import type { CaseSummaryDto } from '../../../shared/api/cases';
import { formatDisplayDate } from '../../../shared/text/dates';
import { invoke } from '../api/client';
import { NewCaseDialog } from '../components/NewCaseDialog';
import { UpcomingDeadlines } from '../components/home/UpcomingDeadlines';
import { navigate } from '../router';

export function CaseListPage() {
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [cases, setCases] = useState<CaseSummaryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    invoke('cases.list', { query, includeArchived: showArchived })
      .then((c) => {
        setCases(c);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [query, showArchived]);
  useEffect(load, [load]);

  return (
    <section className="page" aria-labelledby="cases-heading">
      <div className="page-head">
        <h1 id="cases-heading">Cases</h1>
        <NewCaseDialog defaultOpen={window.location.hash === '#/new'} onCreated={(c) => navigate({ page: 'case', caseId: c.id, section: 'overview', rest: [] })} />
      </div>
      <div className="toolbar">
        <SearchField value={query} onChange={setQuery} aria-label="Search cases" className="search">
          <Label className="sr-only">Search cases</Label>
          <Input placeholder="Search by child, case or school" />
        </SearchField>
        <Checkbox isSelected={showArchived} onChange={setShowArchived}>
          <div className="checkbox" aria-hidden="true" />
          Show archived
        </Checkbox>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {cases && cases.length === 0 && (
        <div className="empty">
          <p>{query ? 'No case matches your search.' : 'No cases yet. Create one for each child you work with.'}</p>
        </div>
      )}
      {cases && cases.length > 0 && (
        <GridList
          aria-label="Cases, most recently opened first"
          items={cases}
          className="case-list"
          onAction={(key) => navigate({ page: 'case', caseId: String(key), section: 'overview', rest: [] })}
        >
          {(c) => (
            <GridListItem id={c.id} textValue={c.name} className="case-row">
              <span className="case-name">{c.name}</span>
              <span className="muted">{[c.school, c.state].filter(Boolean).join(' · ')}</span>
              <span className="muted">{c.documentCount} documents</span>
              <span className="muted">{c.lastOpenedAt ? `Opened ${formatDisplayDate(c.lastOpenedAt.slice(0, 10))}` : 'Never opened'}</span>
              {c.archivedAt && <span className="tag">Archived</span>}
            </GridListItem>
          )}
        </GridList>
      )}
      <UpcomingDeadlines />
      <Button className="sr-only" onPress={load}>
        Refresh
      </Button>
    </section>
  );
}
