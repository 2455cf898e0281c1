// Rename, re-classify and re-date the open document in place. A value the user sets sticks through
// later re-processing, and says so ("set by you").
import { useEffect, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import type { DocumentDto } from '../../../../shared/api/documents';
import { DOC_TYPES, IEP_SUBTYPES, type DocType, type IepSubtype } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { ChoiceSelect } from './ChoiceSelect';
import { SUBTYPE_LABELS, TYPE_LABELS } from './labels';
import { ErrorText } from '../../components/ErrorText';
import { FormFamilyTag } from '../forms/FormFamilyTag';

type Patch = { title?: string; type?: DocType; subtype?: IepSubtype | null; date?: string | null };

export function DocumentProperties({ doc, onChanged, onTrash, onClose }: { doc: DocumentDto; onChanged(d: DocumentDto): void; onTrash(): void; onClose(): void }) {
  const [title, setTitle] = useState(doc.title);
  const [date, setDate] = useState(doc.date ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTitle(doc.title);
    setDate(doc.date ?? '');
  }, [doc.id, doc.title, doc.date]);

  const save = (patch: Patch) =>
    invoke('documents.update', { documentId: doc.id, ...patch })
      .then((d) => {
        setError(null);
        onChanged(d);
      })
      .catch((e: Error) => setError(e.message));

  return (
    <div className="doc-props">
      <div className="doc-props-row">
        <TextField
          className="doc-title-field"
          value={title}
          onChange={setTitle}
          onBlur={() => title.trim() && title !== doc.title && void save({ title: title.trim() })}
          onKeyDown={(e) => e.key === 'Enter' && title.trim() && title !== doc.title && void save({ title: title.trim() })}
        >
          <Label>Title</Label>
          <Input />
        </TextField>
        <Button onPress={onClose} aria-label="Close the viewer">
          Close
        </Button>
      </div>
      <div className="doc-props-row">
        <ChoiceSelect
          label="Type"
          value={doc.type}
          choices={DOC_TYPES.map((t) => ({ id: t, label: TYPE_LABELS[t] }))}
          onChange={(type) => type !== doc.type && void save({ type, subtype: type === 'iep' ? doc.subtype : null })}
        />
        {doc.type === 'iep' && (
          <ChoiceSelect
            label="IEP kind"
            value={doc.subtype ?? 'none'}
            choices={[{ id: 'none', label: 'Not set' }, ...IEP_SUBTYPES.map((s) => ({ id: s, label: SUBTYPE_LABELS[s] }))]}
            onChange={(s) => void save({ subtype: s === 'none' ? null : (s as IepSubtype) })}
          />
        )}
        {doc.typeByUser ? <span className="tag by-user">type set by you</span> : <span className="muted small">suggested, {Math.round(doc.typeConfidence * 100)}% sure</span>}
        <TextField
          type="date"
          value={date}
          onChange={setDate}
          onBlur={() => date !== (doc.date ?? '') && void save({ date: date || null })}
          onKeyDown={(e) => e.key === 'Enter' && date !== (doc.date ?? '') && void save({ date: date || null })}
        >
          <Label>Document date</Label>
          <Input />
        </TextField>
        {doc.dateByUser ? <span className="tag by-user">date set by you</span> : doc.date && <span className="muted small">suggested, {Math.round(doc.dateConfidence * 100)}% sure</span>}
        <FormFamilyTag caseId={doc.caseId} documentId={doc.id} />
        <Button variant="danger" onPress={onTrash}>
          Move to trash
        </Button>
      </div>
      {doc.status === 'failed' && (
        <p role="alert" className="error">
          {doc.fileName}: {doc.error}
        </p>
      )}
      <ErrorText message={error} />
    </div>
  );
}
