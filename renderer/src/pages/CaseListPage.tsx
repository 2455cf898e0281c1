// The cases home: every open case with what needs doing (next deadline and days left, open red
// flags, documents to review), sorted by last opened, next deadline, open flags or name, searched
// and filtered; the trash; deadlines across every case.
import { useState } from 'react';
import { GridList, GridListItem, SearchField, Input, Label, ToggleButton } from 'react-aria-components';
import { Button } from '../components/ui/Button';
import { Checkbox } from '../components/ui/Checkbox';
import { formatDisplayDate } from '../../../shared/text/dates';
import { invoke } from '../api/client';
import { invalidateCase, keys, useCall } from '../api/queries';
import { NewCaseDialog } from '../components/NewCaseDialog';
import { CaseTrash } from '../components/home/CaseTrash';
import { moveCaseToTrash } from '../components/home/case-actions';
import { showToast } from '../components/shell/toasts';
import { FILTERS, filterCases, SORTS, sortCases, useCaseRows, type CaseFilter, type CaseRow, type CaseSort } from '../components/home/case-rows';
import { UpcomingDeadlines, useAllDeadlines } from '../components/home/UpcomingDeadlines';
import { navigate } from '../router';
import { ChoiceSelect } from './documents/ChoiceSelect';
import { relativeDays } from './deadlines/labels';
import { Badge } from '../components/ui/Badge';

const SORT_KEY = 'casefile.caseSort';

/** Archives (or brings back) a case from its row, with a note that undoes it. */
async function setArchived(c: { id: string; name: string }, archived: boolean): Promise<void> {
  const call = (on: boolean) => invoke(on ? 'cases.archive' : 'cases.unarchive', { caseId: c.id }).then(() => invalidateCase(c.id));
  try {
    await call(archived);
    showToast(archived ? `Archived "${c.name}". Show archived lists it.` : `"${c.name}" is back among the open cases.`, { label: 'Undo', run: () => call(!archived) });
  } catch (e) {
    showToast((e as Error).message);
  }
}

function count(n: number | null, one: string, many: string): string {
  if (n === null) return '…';
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

function DeadlineCell({ r }: { r: CaseRow }) {
  const d = r.nextDeadline;
  if (!d?.dueDate) return <span className="muted">No open deadline</span>;
  const overdue = r.daysLeft !== null && r.daysLeft < 0;
  return (
    <span className={`case-deadline${overdue ? ' overdue' : ''}`} title={`${d.title} (${d.triggerEvent.label})`}>
      <span className="truncate">{d.title}</span>
      <span className="muted small">
        {formatDisplayDate(d.dueDate)} · {overdue ? `overdue, ${relativeDays(r.daysLeft)}` : relativeDays(r.daysLeft)}
      </span>
    </span>
  );
}

export function CaseListPage() {
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [showTrash, setShowTrash] = useState(false);
  const [sort, setSortState] = useState<CaseSort>(() => (localStorage.getItem(SORT_KEY) as CaseSort | null) ?? 'opened');
  const setSort = (s: CaseSort) => (setSortState(s), localStorage.setItem(SORT_KEY, s));
  const [filter, setFilter] = useState<CaseFilter>('all');
  const list = useCall(keys.cases('list', query, showArchived), 'cases.list', { query, includeArchived: showArchived });
  const trash = useCall(keys.cases('trash'), 'cases.trash', undefined);
  const deadlines = useAllDeadlines();
  const rows = useCaseRows(list.data ?? [], deadlines.data);
  const cases = list.data ? filterCases(sortCases(rows, sort), filter) : null;
  const error = list.error?.message ?? null;
  const sortLabel = SORTS.find((s) => s.id === sort)!.label.toLowerCase();

  return (
    <section className="page" aria-labelledby="cases-heading">
      <div className="page-head">
        <h1 id="cases-heading">Cases</h1>
        <NewCaseDialog defaultOpen={window.location.hash === '#/new'} onCreated={(c) => navigate({ page: 'case', caseId: c.id, section: 'overview', rest: [] })} />
      </div>
      <div className="toolbar case-toolbar">
        <SearchField value={query} onChange={setQuery} aria-label="Search cases" className="search">
          <Label className="sr-only">Search cases</Label>
          <Input placeholder="Search by child, case or school" />
        </SearchField>
        <ChoiceSelect<CaseSort> label="Sort by" value={sort} choices={SORTS} onChange={setSort} />
        <ChoiceSelect<CaseFilter> label="Show" value={filter} choices={FILTERS} onChange={setFilter} />
        <Checkbox isSelected={showArchived} onChange={setShowArchived}>
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
          <p>{query || filter !== 'all' ? 'No case matches your search.' : 'No cases yet. Create one for each child you work with.'}</p>
        </div>
      )}
      {cases && cases.length > 0 && (
        <GridList
          aria-label={`Cases, by ${sortLabel}`}
          items={cases}
          className="case-list"
          onAction={(key) => navigate({ page: 'case', caseId: String(key), section: 'overview', rest: [] })}
        >
          {(c) => (
            <GridListItem id={c.id} textValue={c.name} className="case-row home-row">
              <span className="case-who">
                <span className="case-name truncate">{c.name}</span>
                <span className="muted small truncate">{[c.childName !== c.name ? c.childName : null, c.school, c.state].filter(Boolean).join(' · ') || 'No school entered'}</span>
              </span>
              <DeadlineCell r={c} />
              <span className={c.openFlags ? 'case-count flagged' : 'case-count muted'}>{count(c.openFlags, 'open flag', 'open flags')}</span>
              <span className={c.toReview ? 'case-count' : 'case-count muted'}>{count(c.toReview, 'to review', 'to review')}</span>
              <span className="muted small">
                {c.lastOpenedAt ? `Opened ${formatDisplayDate(c.lastOpenedAt.slice(0, 10))}` : 'Never opened'}
                {c.archivedAt && <Badge>Archived</Badge>}
              </span>
              <span className="row-actions">
                <Button variant="quiet" aria-label={`${c.archivedAt ? 'Unarchive' : 'Archive'} ${c.name}`} onPress={() => void setArchived(c, !c.archivedAt)}>
                  {c.archivedAt ? 'Unarchive' : 'Archive'}
                </Button>
                <Button className="quiet danger" aria-label={`Move ${c.name} to the trash`} onPress={() => void moveCaseToTrash(c).catch((e: Error) => showToast(e.message))}>
                  Trash
                </Button>
              </span>
            </GridListItem>
          )}
        </GridList>
      )}
      <UpcomingDeadlines />
    </section>
  );
}
