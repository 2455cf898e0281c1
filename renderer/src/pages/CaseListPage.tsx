import { useState } from 'react';
import { Checkbox, GridList, GridListItem, SearchField, Input, Label, ToggleButton } from 'react-aria-components';
import { formatDisplayDate } from '../../../shared/text/dates';
import { keys, useCall } from '../api/queries';
import { NewCaseDialog } from '../components/NewCaseDialog';
import { CaseTrash } from '../components/home/CaseTrash';
import { UpcomingDeadlines } from '../components/home/UpcomingDeadlines';
import { navigate } from '../router';

export function CaseListPage() {
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [showTrash, setShowTrash] = useState(false);
  const list = useCall(keys.cases('list', query, showArchived), 'cases.list', { query, includeArchived: showArchived });
  const trash = useCall(keys.cases('trash'), 'cases.trash', undefined);
  const cases = list.data ?? null;
  const error = list.error?.message ?? null;

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
        <ToggleButton isSelected={showTrash} onChange={setShowTrash}>
          Trash{trash.data?.length ? ` (${trash.data.length})` : ''}
        </ToggleButton>
      </div>
      {showTrash && <CaseTrash />}
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
    </section>
  );
}
