// The chosen exhibits in packet order. Drag to reorder, or use the move buttons from the keyboard;
// select one to edit its label and page range.
import { Button, GridList, GridListItem, Input, Label, TextField, useDragAndDrop } from 'react-aria-components';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { autoLabel, moveBy, pagesOf, reorder, type ExhibitChoice, type LabelStyle } from './packetModel';

function ExhibitDetails({ exhibit, index, style, onChange }: { exhibit: ExhibitChoice; index: number; style: LabelStyle; onChange(e: ExhibitChoice): void }) {
  const range = exhibit.pageRange ?? [1, exhibit.pageCount];
  const setRange = (from: number, to: number) => {
    const a = Math.max(1, Math.min(exhibit.pageCount, Math.trunc(from) || 1));
    const b = Math.max(a, Math.min(exhibit.pageCount, Math.trunc(to) || exhibit.pageCount));
    onChange({ ...exhibit, pageRange: a === 1 && b === exhibit.pageCount ? null : [a, b] });
  };
  return (
    <div className="exhibit-details" role="group" aria-label={`Exhibit ${index + 1}: ${exhibit.title}`}>
      <p className="small">
        <strong>{exhibit.title}</strong> <span className="muted">({exhibit.pageCount} pages)</span>
      </p>
      <div className="field-row wrap">
        <TextField value={exhibit.label ?? ''} onChange={(v) => onChange({ ...exhibit, label: v || null })} className="narrow">
          <Label>Exhibit label</Label>
          <Input placeholder={autoLabel(style, index)} maxLength={20} />
        </TextField>
        <TextField type="number" value={String(range[0])} onChange={(v) => setRange(Number(v), range[1])} className="narrow">
          <Label>From page</Label>
          <Input min={1} max={exhibit.pageCount} />
        </TextField>
        <TextField type="number" value={String(range[1])} onChange={(v) => setRange(range[0], Number(v))} className="narrow">
          <Label>To page</Label>
          <Input min={1} max={exhibit.pageCount} />
        </TextField>
        {exhibit.pageRange && (
          <Button className="quiet" onPress={() => onChange({ ...exhibit, pageRange: null })}>
            Whole document
          </Button>
        )}
      </div>
    </div>
  );
}

export function ExhibitOrder({ exhibits, style, selected, onSelect, onChange }: { exhibits: ExhibitChoice[]; style: LabelStyle; selected: string | null; onSelect(id: string | null): void; onChange(e: ExhibitChoice[]): void }) {
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((k) => ({ 'text/plain': exhibits.find((e) => e.documentId === k)?.title ?? String(k) })),
    onReorder: (e) => onChange(reorder(exhibits, (x) => x.documentId, new Set([...e.keys].map(String)), String(e.target.key), e.target.dropPosition === 'after' ? 'after' : 'before')),
  });
  const index = exhibits.findIndex((e) => e.documentId === selected);
  if (exhibits.length === 0) return <p className="empty">No exhibit chosen yet. Tick documents on the left to add them; they are stamped in the order shown here.</p>;
  return (
    <>
      <GridList
        aria-label="Exhibits in packet order"
        className="exhibit-order"
        items={exhibits.map((e, i) => ({ ...e, id: e.documentId, i }))}
        selectionMode="single"
        selectedKeys={selected ? [selected] : []}
        onSelectionChange={(keys) => onSelect(keys === 'all' ? null : (([...keys][0] as string | undefined) ?? null))}
        dragAndDropHooks={dragAndDropHooks}
      >
        {(e) => (
          <GridListItem id={e.id} textValue={`${e.label || autoLabel(style, e.i)} ${e.title}`} className="exhibit-row">
            <Button slot="drag" className="drag-handle" aria-label={`Drag ${e.title}`}>
              ≡
            </Button>
            <span className="exhibit-label">{e.label || autoLabel(style, e.i)}</span>
            <span className="exhibit-title">
              {e.title}
              <span className="small muted">
                {' '}
                {e.date ? formatDisplayDate(e.date) + ' · ' : ''}
                {e.pageRange ? `pp. ${e.pageRange[0]}-${e.pageRange[1]} of ${e.pageCount}` : `${e.pageCount} ${e.pageCount === 1 ? 'page' : 'pages'}`}
              </span>
            </span>
            <span className="exhibit-actions">
              <Button className="quiet" aria-label={`Move ${e.title} up`} isDisabled={e.i === 0} onPress={() => onChange(moveBy(exhibits, e.i, -1))}>
                ↑
              </Button>
              <Button className="quiet" aria-label={`Move ${e.title} down`} isDisabled={e.i === exhibits.length - 1} onPress={() => onChange(moveBy(exhibits, e.i, 1))}>
                ↓
              </Button>
              <Button className="quiet danger" aria-label={`Remove ${e.title} from the packet`} onPress={() => onChange(exhibits.filter((x) => x.documentId !== e.id))}>
                ✕
              </Button>
            </span>
          </GridListItem>
        )}
      </GridList>
      <p className="small muted">
        {exhibits.length} exhibits, {exhibits.reduce((a, e) => a + pagesOf(e), 0)} pages. Select an exhibit to change its label or page range.
      </p>
      {index >= 0 && <ExhibitDetails exhibit={exhibits[index]} index={index} style={style} onChange={(x) => onChange(exhibits.map((e, i) => (i === index ? x : e)))} />}
    </>
  );
}
