// The case's saved letters: draft or sent (with its date), the district's response date, and the
// DOCX or PDF to send.
import { useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import type { LetterDto } from '../../../../shared/api/letters';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { usePersonFileName } from '../../components/person-file-name';
import { viewerHref } from '../../components/viewer/links';
import { downloadFile } from '../packet/download';
import { ErrorText } from '../../components/ErrorText';

function ResponseCell({ caseId, letter, onChange }: { caseId: string; letter: LetterDto; onChange(l: LetterDto): void }) {
  const [date, setDate] = useState(letter.responseDate ?? '');
  const [error, setError] = useState<string | null>(null);
  if (!letter.sentDate) return <span className="muted small">Not sent</span>;
  const save = (value: string | null) =>
    invoke('letters.setResponse', { caseId, letterId: letter.id, responseDate: value })
      .then((l) => (onChange(l), setError(null)))
      .catch((e: Error) => setError(e.message));
  return (
    <span className="response-cell">
      <TextField type="date" value={date} onChange={setDate} aria-label={`Response received for ${letter.subject}`}>
        <Label className="sr-only">Response received on</Label>
        <Input />
      </TextField>
      <Button variant="quiet" isDisabled={(date || null) === letter.responseDate} onPress={() => void save(date || null)}>
        {date ? 'Save' : 'Clear'}
      </Button>
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
    </span>
  );
}

export function SavedLetters({ caseId, letters, onChange, onEdit }: { caseId: string; letters: LetterDto[]; onChange(l: LetterDto): void; onEdit(l: LetterDto): void }) {
  const [error, setError] = useState<string | null>(null);
  const fileNameFor = usePersonFileName(caseId);
  const download = (l: LetterDto, format: 'docx' | 'pdf') =>
    downloadFile('files.letter', { letter: l.id, format }, `${l.subject}.${format}`, fileNameFor(l.template, format)).catch((e: Error) => setError(`${l.subject}: ${e.message}`));
  if (letters.length === 0) return <p className="muted">No letters saved yet. Choose a template above: it is filled from the case, and you edit it before saving.</p>;
  return (
    <>
      <ErrorText message={error} />
      <table className="data-table letters-table">
        <caption className="sr-only">Saved letters, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Letter</th>
            <th scope="col">Status</th>
            <th scope="col">Response received</th>
            <th scope="col">Files</th>
          </tr>
        </thead>
        <tbody>
          {[...letters]
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
            .map((l) => (
              <tr key={l.id}>
                <td>
                  <strong>{l.subject}</strong>
                  <span className="small muted"> · dated {formatDisplayDate(l.draft.date)}</span>
                </td>
                <td>
                  {l.sentDate ? (
                    <>
                      <span className="status-ok">Sent {formatDisplayDate(l.sentDate)}</span>
                      {l.documentId && (
                        <>
                          {' '}
                          <a className="small" href={viewerHref(caseId, l.documentId, 1)}>
                            filed in Documents
                          </a>
                        </>
                      )}
                    </>
                  ) : (
                    <>
                      <span className="tag">Draft</span>{' '}
                      <Button variant="quiet" aria-label={`Edit ${l.subject}`} onPress={() => onEdit(l)}>
                        Edit
                      </Button>
                    </>
                  )}
                </td>
                <td>
                  <ResponseCell caseId={caseId} letter={l} onChange={onChange} />
                </td>
                <td className="nowrap">
                  <Button variant="quiet" aria-label={`Download ${l.subject} as DOCX`} onPress={() => void download(l, 'docx')}>
                    DOCX
                  </Button>{' '}
                  <Button variant="quiet" aria-label={`Download ${l.subject} as PDF`} onPress={() => void download(l, 'pdf')}>
                    PDF
                  </Button>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}
