// Every part of a drafted letter in a form: the user reads and rewrites it before it is saved. Lines
// (addresses, signature) are one text area each; paragraphs are separate areas that can be added,
// removed and moved.
import { useState } from 'react';
import { Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import type { LetterDraftDto, LetterDto } from '../../../../shared/api/letters';
import { invoke } from '../../api/client';
import { localToday } from '../deadlines/labels';
import { ErrorText } from '../../components/ErrorText';

const lines = (text: string) => text.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');

function LinesField({ label, value, onChange, rows = 3 }: { label: string; value: string[]; onChange(v: string[]): void; rows?: number }) {
  // Kept as raw text while typing so blank lines and trailing spaces do not vanish under the cursor.
  const [text, setText] = useState(value.join('\n'));
  return (
    <TextField
      value={text}
      onChange={(t) => {
        setText(t);
        onChange(lines(t));
      }}
      className="lines-field"
    >
      <Label>{label}</Label>
      <TextArea rows={rows} />
      <span className="small muted">One line per line of the letter.</span>
    </TextField>
  );
}

export interface SavedResult {
  letter: LetterDto;
  sent: boolean;
}

export function LetterEditor({ caseId, initial, saved, templateTitle, onSaved, onCancel }: { caseId: string; initial: LetterDraftDto; saved?: { letterId: string; version: number }; templateTitle: string; onSaved(r: SavedResult): void; onCancel(): void }) {
  const [draft, setDraft] = useState<LetterDraftDto>(initial);
  // The case the draft was made for: it is saved there even if the editor outlives a change of case.
  const [draftedFor] = useState(caseId);
  // Paragraph keys keep each text area (and its cursor) attached to its paragraph when they move.
  const [keys, setKeys] = useState(() => initial.paragraphs.map((_, i) => i));
  const [nextKey, setNextKey] = useState(initial.paragraphs.length);
  const [sentDate, setSentDate] = useState(localToday());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof LetterDraftDto>(k: K, v: LetterDraftDto[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const setParagraph = (i: number, text: string) => set('paragraphs', draft.paragraphs.map((p, j) => (j === i ? text : p)));
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= draft.paragraphs.length) return;
    const swap = <T,>(a: T[]) => {
      const b = [...a];
      [b[i], b[j]] = [b[j], b[i]];
      return b;
    };
    set('paragraphs', swap(draft.paragraphs));
    setKeys(swap(keys));
  };
  const remove = (i: number) => {
    set('paragraphs', draft.paragraphs.filter((_, j) => j !== i));
    setKeys(keys.filter((_, j) => j !== i));
  };
  const add = (at: number) => {
    set('paragraphs', [...draft.paragraphs.slice(0, at), '', ...draft.paragraphs.slice(at)]);
    setKeys([...keys.slice(0, at), nextKey, ...keys.slice(at)]);
    setNextKey(nextKey + 1);
  };

  const save = async (sent: boolean) => {
    setBusy(true);
    try {
      const clean = { ...draft, paragraphs: draft.paragraphs.filter((p) => p.trim() !== '') };
      // A saved letter goes back at the version it was opened at: the engine refuses it if saved elsewhere since.
      const letter = await invoke('letters.save', { caseId: draftedFor, ...saved, draft: clean, sentDate: sent ? sentDate : null });
      setError(null);
      onSaved({ letter, sent });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form className="letter-editor" aria-label={`Edit letter: ${templateTitle}`} onSubmit={(e) => e.preventDefault()}>
      <p className="notice small">The app never sends anything. Edit the letter, save it, download it as DOCX or PDF and send it yourself by email or mail; then save it as sent with the date you sent it.</p>
      <div className="field-row wrap">
        <TextField value={draft.subject} onChange={(v) => set('subject', v)} isRequired className="grow">
          <Label>Subject</Label>
          <Input />
        </TextField>
        <TextField type="date" value={draft.date} onChange={(v) => set('date', v)} isRequired className="date-field">
          <Label>Letter date</Label>
          <Input />
        </TextField>
      </div>
      <div className="field-row wrap">
        <LinesField label="From (sender lines)" value={draft.sender} onChange={(v) => set('sender', v)} />
        <LinesField label="To (recipient lines)" value={draft.recipient} onChange={(v) => set('recipient', v)} />
      </div>
      <TextField value={draft.salutation} onChange={(v) => set('salutation', v)}>
        <Label>Salutation</Label>
        <Input />
      </TextField>
      <fieldset className="paragraphs">
        <legend>Paragraphs</legend>
        {draft.paragraphs.map((p, i) => (
          <div key={keys[i]} className="paragraph">
            <TextField value={p} onChange={(v) => setParagraph(i, v)} className="grow">
              <Label className="small muted">Paragraph {i + 1}</Label>
              <TextArea rows={Math.min(10, Math.max(2, Math.ceil(p.length / 95)))} />
            </TextField>
            <div className="paragraph-actions">
              <Button variant="quiet" aria-label={`Move paragraph ${i + 1} up`} isDisabled={i === 0} onPress={() => move(i, -1)}>
                ↑
              </Button>
              <Button variant="quiet" aria-label={`Move paragraph ${i + 1} down`} isDisabled={i === draft.paragraphs.length - 1} onPress={() => move(i, 1)}>
                ↓
              </Button>
              <Button variant="quiet" aria-label={`Add a paragraph after paragraph ${i + 1}`} onPress={() => add(i + 1)}>
                +
              </Button>
              <Button className="quiet danger" aria-label={`Remove paragraph ${i + 1}`} onPress={() => remove(i)}>
                ✕
              </Button>
            </div>
          </div>
        ))}
        <Button variant="quiet" onPress={() => add(draft.paragraphs.length)}>
          Add paragraph
        </Button>
      </fieldset>
      <div className="field-row wrap">
        <TextField value={draft.closing} onChange={(v) => set('closing', v)}>
          <Label>Closing</Label>
          <Input />
        </TextField>
        <LinesField label="Signature lines" value={draft.signature} onChange={(v) => set('signature', v)} rows={2} />
        <LinesField label="Copies to (cc)" value={draft.cc} onChange={(v) => set('cc', v)} rows={2} />
      </div>
      <ErrorText message={error} />
      <div className="letter-save">
        <Button onPress={onCancel}>Close without saving</Button>
        <Button onPress={() => void save(false)} isDisabled={busy}>
          Save draft
        </Button>
        <span className="sent-group">
          <TextField type="date" value={sentDate} onChange={setSentDate} className="date-field">
            <Label>Sent on</Label>
            <Input />
          </TextField>
          <Button variant="primary" onPress={() => void save(true)} isDisabled={busy || !sentDate}>
            Save as sent
          </Button>
        </span>
      </div>
    </Form>
  );
}
