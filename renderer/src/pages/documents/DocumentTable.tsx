// The case's documents (or its trash) as a sortable react-aria Table; a row opens the viewer.
import { useMemo, useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader, type SortDescriptor } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import type { DocumentDto } from '../../../../shared/api/documents';
import { FileName } from '../../components/FileName';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { statusLabel, TEXT_SOURCE_LABELS, typeLabel } from './labels';
import { Badge } from '../../components/ui/Badge';

function compare(a: DocumentDto, b: DocumentDto, column: string): number {
  if (column === 'name') return a.title.localeCompare(b.title);
  if (column === 'type') return typeLabel(a).localeCompare(typeLabel(b)) || (a.date ?? '').localeCompare(b.date ?? '');
  // Undated documents sort after dated ones either way round.
  if (!a.date || !b.date) return a.date ? -1 : b.date ? 1 : a.title.localeCompare(b.title);
  return a.date.localeCompare(b.date);
}

export function DocumentTable({
  documents,
  selectedId,
  trash,
  onOpen,
  onRestore,
}: {
  documents: DocumentDto[];
  selectedId: string | null;
  trash: boolean;
  onOpen(doc: DocumentDto): void;
  onRestore(doc: DocumentDto): void;
}) {
  const [sort, setSort] = useState<SortDescriptor>({ column: 'date', direction: 'ascending' });
  const sorted = useMemo(() => {
    const list = [...documents].sort((a, b) => compare(a, b, String(sort.column)));
    return sort.direction === 'descending' ? list.reverse() : list;
  }, [documents, sort]);

  return (
    <Table
      aria-label={trash ? 'Documents in the trash' : 'Documents in this case'}
      className="doc-table"
      sortDescriptor={sort}
      onSortChange={setSort}
      selectionMode="single"
      selectionBehavior="replace"
      selectedKeys={selectedId ? [selectedId] : []}
      onRowAction={(key) => {
        const d = documents.find((x) => x.id === key);
        if (d && !trash) onOpen(d);
      }}
      onSelectionChange={(keys) => {
        const id = keys === 'all' ? null : [...keys][0];
        const d = documents.find((x) => x.id === id);
        if (d && !trash) onOpen(d);
      }}
    >
      <TableHeader>
        <Column id="name" isRowHeader allowsSorting>
          Name
        </Column>
        <Column id="type" allowsSorting>
          Type
        </Column>
        <Column id="date" allowsSorting>
          Date
        </Column>
        <Column id="pages">Pages</Column>
        <Column id="text">Text</Column>
        <Column id="status">{trash ? 'Deleted' : 'Status'}</Column>
      </TableHeader>
      <TableBody items={sorted} renderEmptyState={() => <p className="muted">{trash ? 'The trash is empty.' : 'No document matches these filters.'}</p>}>
        {(d) => (
          <Row id={d.id} textValue={d.title} className="doc-row">
            <Cell>
              <FileName name={d.title} className="doc-title" />
              {d.title !== d.fileName && <> <FileName name={d.fileName} className="muted small" /></>}
              {d.archivePath && <span className="muted small"> in {d.archivePath}</span>}
            </Cell>
            <Cell>
              {typeLabel(d)}
              {d.typeByUser ? <Badge tone="accent">set by you</Badge> : d.typeConfidence < 0.6 && <Badge tone="warn">guess</Badge>}
            </Cell>
            <Cell>
              {d.date ? formatDisplayDate(d.date) : <span className="muted">no date</span>}
              {d.dateByUser && <Badge tone="accent">set by you</Badge>}
            </Cell>
            <Cell>{d.pageCount}</Cell>
            <Cell>{d.textSource ? TEXT_SOURCE_LABELS[d.textSource] : '—'}</Cell>
            <Cell>
              {trash ? (
                <span className="trash-cell">
                  {d.deletedAt ? formatDisplayDate(d.deletedAt.slice(0, 10)) : ''}
                  <Button onPress={() => onRestore(d)} aria-label={`Restore ${d.title}`}>
                    Restore
                  </Button>
                </span>
              ) : (
                <span className={d.status === 'failed' ? 'error' : d.lowConfidencePages.length || d.status !== 'ready' ? 'warn-text' : 'muted'}>{statusLabel(d)}</span>
              )}
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
