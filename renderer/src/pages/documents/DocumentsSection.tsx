// The Documents section: import (pickers and drop anywhere on the section), the filtered list or
// its trash, search within the case, and the viewer in a split pane beside the list.
// Route: #/case/CASE/documents[/DOC[/PAGE[/boxes=... or /search=QUERY]]]
import { useEffect, useMemo, useRef, useState } from 'react';
import { DropZone, Input, Label, SearchField, TextField, ToggleButton } from 'react-aria-components';
import type { DocumentDto } from '../../../../shared/api/documents';
import type { SearchResult } from '../../../../shared/api/search';
import { DOC_TYPES, type BBox, type DocType } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { keys, queryClient, useCall } from '../../api/queries';
import { showToast } from '../../components/shell/toasts';
import { SearchResults } from '../../components/search/SearchResults';
import { DocumentViewer } from '../../components/viewer/DocumentViewer';
import { decodeBoxes, decodeSearch, hitHref, viewerHref } from '../../components/viewer/links';
import { href } from '../../router';
import type { SectionProps } from '../sections';
import { ChoiceSelect } from './ChoiceSelect';
import { DocumentProperties } from './DocumentProperties';
import { DocumentTable } from './DocumentTable';
import { ImportButtons, ImportProgress } from './ImportPanel';
import { droppedOnDisk, filesFromDrop, startImport, useImportRuns } from './importStore';
import { TYPE_LABELS } from './labels';

type TypeFilter = DocType | 'all';

function useDocuments(caseId: string) {
  // From the shared data layer: refreshed by the engine's change events (each imported file, a
  // correction, a trash) wherever the change was made.
  const key = keys.case(caseId, 'documents');
  const q = useCall(key, 'documents.list', { caseId, includeDeleted: true });
  const setDocs = (f: (list: DocumentDto[] | undefined) => DocumentDto[]) => queryClient.setQueryData<DocumentDto[]>(key, f);
  const load = () => void q.refetch();
  return { docs: q.data ?? null, error: q.error ? q.error.message : null, load, setDocs };
}

/** Boxes to draw on the open page: given in the route, or those of a search's matching words. */
function useHitBoxes(documentId: string | null, page: number, part: string | undefined) {
  const given = useMemo(() => decodeBoxes(part), [part]);
  const query = decodeSearch(part);
  const [found, setFound] = useState<BBox[]>([]);
  useEffect(() => {
    setFound([]);
    if (!documentId || !query) return;
    let live = true;
    invoke('search.pageBoxes', { documentId, page, query })
      .then((b) => live && setFound(b))
      .catch(() => undefined); // a page without the words simply shows no boxes
    return () => {
      live = false;
    };
  }, [documentId, page, query]);
  return useMemo(() => (query ? found : given).map((bbox) => ({ bbox, kind: 'hit' as const })), [query, found, given]);
}

function useSearch(caseId: string, query: string, type: TypeFilter, dateFrom: string, dateTo: string) {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResult(null);
      setError(null);
      return;
    }
    let live = true;
    // A short pause so each keystroke does not start a query of its own.
    const t = setTimeout(() => {
      invoke('search.query', { query: q, caseId, types: type === 'all' ? undefined : [type], dateFrom: dateFrom || undefined, dateTo: dateTo || undefined, limit: 100 })
        .then((r) => live && (setResult(r), setError(null)))
        .catch((e: Error) => live && setError(e.message));
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [caseId, query, type, dateFrom, dateTo]);
  return { hits: result?.hits ?? null, rankedAmong: result?.rankedAmong ?? null, error };
}

export function DocumentsSection({ caseData, rest }: SectionProps) {
  const caseId = caseData.id;
  const { docs, error, load, setDocs } = useDocuments(caseId);
  const runs = useImportRuns(caseId);
  const [type, setType] = useState<TypeFilter>('all');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [query, setQuery] = useState('');
  const [trash, setTrash] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const { hits, rankedAmong, error: searchError } = useSearch(caseId, query, type, dateFrom, dateTo);
  const droppedFiles = useRef<File[]>([]);

  const openId = rest[0] ?? null;
  const openPage = Number(rest[1] ?? 1) || 1;
  const boxes = useHitBoxes(openId, openPage, rest[2]);
  const active = useMemo(() => (docs ?? []).filter((d) => !d.deletedAt), [docs]);
  const trashed = useMemo(() => (docs ?? []).filter((d) => d.deletedAt), [docs]);
  const openDoc = docs?.find((d) => d.id === openId) ?? null;

  const shown = useMemo(
    () =>
      (trash ? trashed : active).filter(
        (d) => (type === 'all' || d.type === type) && (!dateFrom || (d.date !== null && d.date >= dateFrom)) && (!dateTo || (d.date !== null && d.date <= dateTo)),
      ),
    [trash, trashed, active, type, dateFrom, dateTo],
  );

  const go = (docId: string | null, page = 1) => {
    window.location.hash = docId ? viewerHref(caseId, docId, page) : href({ page: 'case', caseId, section: 'documents', rest: [] });
  };
  const replaceDoc = (d: DocumentDto) => setDocs((list) => (list ?? []).map((x) => (x.id === d.id ? d : x)));
  const run = (p: Promise<unknown>) => p.then(() => setActionError(null), (e: Error) => setActionError(e.message)).finally(load);

  const empty = docs !== null && active.length === 0 && trashed.length === 0 && runs.length === 0;

  return (
    <div className="doc-drop-outer" onDropCapture={(e) => (droppedFiles.current = Array.from(e.dataTransfer?.files ?? []))}>
      <DropZone
        className="doc-dropzone"
        aria-label="Drop files or folders here to import them into this case"
        onDrop={async (e) => {
          // The desktop app imports what was dropped by its paths on disk (a folder as a folder).
          let picked = droppedOnDisk(droppedFiles.current) ?? (await filesFromDrop(e.items as Parameters<typeof filesFromDrop>[0]));
          // Some sources (mail attachments, files made by a page) have no file-system entry, so
          // react-aria sees no items; the plain file list of the same drop still has them.
          if (!picked.length) picked = droppedFiles.current.map((file) => ({ file, name: file.name, relativePath: '' }));
          droppedFiles.current = [];
          void startImport(caseId, picked);
        }}
      >
        <div className="doc-toolbar">
          <ImportButtons caseId={caseId} />
          <SearchField value={query} onChange={setQuery} className="search doc-search" aria-label="Search this case's documents">
            <Label className="sr-only">Search this case's documents</Label>
            <Input placeholder="Search page text: words, “phrases”, prefix*, OR, NOT" />
          </SearchField>
          <ChoiceSelect<TypeFilter>
            label="Type"
            hideLabel
            value={type}
            choices={[{ id: 'all', label: 'All types' }, ...DOC_TYPES.map((t) => ({ id: t, label: TYPE_LABELS[t] }))]}
            onChange={setType}
          />
          <TextField type="date" value={dateFrom} onChange={setDateFrom} className="date-filter">
            <Label>From</Label>
            <Input />
          </TextField>
          <TextField type="date" value={dateTo} onChange={setDateTo} className="date-filter">
            <Label>To</Label>
            <Input />
          </TextField>
          <ToggleButton isSelected={trash} onChange={setTrash}>
            Trash{trashed.length ? ` (${trashed.length})` : ''}
          </ToggleButton>
        </div>
        <ImportProgress caseId={caseId} />
        {(error || actionError || searchError) && (
          <p role="alert" className="error">
            {error ?? actionError ?? searchError}
          </p>
        )}
        {empty ? (
          <div className="empty drop-target">
            <p className="empty-lead">Drop the family's documents here</p>
            <p>IEPs, progress reports, evaluations, score reports, service logs, letters and emails: PDFs, scans, phone photos, Word files, .eml/.msg and zip archives. Or use “Add files…” or “Add a folder…” above.</p>
          </div>
        ) : (
          <div className={openDoc ? 'docs-split open' : 'docs-split'}>
            <div className="docs-list">
              {hits && (
                <section aria-label="Search results" className="search-results">
                  <h2 className="small-heading">
                    {hits.length === 0 ? `Nothing found for “${query.trim()}”` : `${hits.length} ${hits.length === 1 ? 'page matches' : 'pages match'} “${query.trim()}”`}
                  </h2>
                  {rankedAmong !== null && (
                    <p className="muted" role="note">
                      More than {rankedAmong.toLocaleString('en-US')} pages match: these are the best of the {rankedAmong.toLocaleString('en-US')} most recently added. Add a word, a phrase in quotes or a filter to narrow the search.
                    </p>
                  )}
                  {hits.length > 0 && <SearchResults hits={hits} label="Pages matching the search" onOpen={(h) => (window.location.hash = hitHref(h, query))} />}
                </section>
              )}
              {docs === null ? (
                <p aria-busy="true">Loading documents…</p>
              ) : (
                <DocumentTable
                  documents={shown}
                  selectedId={openId}
                  trash={trash}
                  onOpen={(d) => d.id !== openId && go(d.id)}
                  onRestore={(d) => run(invoke('documents.restore', { documentId: d.id }))}
                />
              )}
            </div>
            {openDoc && (
              <DocumentViewer
                key={openDoc.id}
                doc={openDoc}
                page={openPage}
                boxes={boxes}
                onPageChange={(n) => go(openDoc.id, n)}
                header={
                  <DocumentProperties
                    doc={openDoc}
                    onChanged={replaceDoc}
                    onClose={() => go(null)}
                    onTrash={() => {
                      const trashed = openDoc;
                      go(null);
                      void run(
                        invoke('documents.trash', { documentId: trashed.id }).then(() =>
                          showToast(`Moved "${trashed.title}" to the trash.`, {
                            label: 'Undo',
                            run: () => run(invoke('documents.restore', { documentId: trashed.id })),
                          }),
                        ),
                      );
                    }}
                  />
                }
              />
            )}
          </div>
        )}
      </DropZone>
    </div>
  );
}
