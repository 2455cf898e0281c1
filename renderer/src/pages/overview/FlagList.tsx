// The open red flags with their evidence, a dismiss action that asks why (the reason is kept), and
// the dismissed flags that can be restored.
import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Disclosure, DisclosurePanel, FieldError, Form, Heading, Label, Modal, ModalOverlay, TextArea, TextField } from 'react-aria-components';
import type { FlagDto } from '../../../../shared/api/timeline';
import type { BBox, Provenance } from '../../../../shared/domain';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { citation } from '../../components/charts/SourceLink';
import { viewerHref } from '../../components/viewer/links';
import { flagLabel } from './flagLabels';
import { ErrorText } from '../../components/ErrorText';

interface FlagListProps {
  caseId: string;
  flags: FlagDto[];
  names: Map<string, string>;
  onChange(flags: FlagDto[]): void;
}

/** Evidence grouped by page: one link per page with every value on it boxed. */
export function evidencePages(evidence: Provenance[]): Array<{ documentId: string; page: number; boxes: BBox[] }> {
  const pages = new Map<string, { documentId: string; page: number; boxes: BBox[] }>();
  for (const e of evidence) {
    const key = `${e.documentId}#${e.page}`;
    const entry = pages.get(key) ?? { documentId: e.documentId, page: e.page, boxes: [] };
    if (e.bbox) entry.boxes.push(e.bbox);
    pages.set(key, entry);
  }
  return [...pages.values()];
}

function Evidence({ caseId, flag, names }: { caseId: string; flag: FlagDto; names: Map<string, string> }) {
  if (!flag.evidence.length) return null;
  return (
    <ul className="evidence" aria-label="Evidence">
      {evidencePages(flag.evidence).map((e) => {
        const cite = citation({ documentId: e.documentId, page: e.page, bbox: null }, names);
        const values = e.boxes.length > 1 ? ` (${e.boxes.length} values)` : '';
        return (
          <li key={`${e.documentId}#${e.page}`}>
            <a className="source-link" href={viewerHref(caseId, e.documentId, e.page, e.boxes)} aria-label={`Open ${cite}${values}`}>
              {cite}
              {values}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function DismissDialog({ caseId, flag, onChange }: { caseId: string; flag: FlagDto; onChange(flags: FlagDto[]): void }) {
  const [error, setError] = useState<string | null>(null);
  const title = flagLabel(flag.type);
  return (
    <DialogTrigger>
      <Button className="quiet" aria-label={`Dismiss: ${title}`}>
        Dismiss…
      </Button>
      <ModalOverlay className="overlay" isDismissable>
        <Modal className="modal">
          <Dialog aria-label={`Dismiss flag: ${title}`}>
            {({ close }) => (
              <Form
                onSubmit={async (e) => {
                  e.preventDefault();
                  const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
                  try {
                    onChange(await invoke('flags.dismiss', { caseId, key: flag.key, reason }));
                    close();
                  } catch (err) {
                    setError((err as Error).message);
                  }
                }}
              >
                <Heading slot="title">Dismiss “{title}”</Heading>
                <p className="muted">{flag.description}</p>
                <TextField name="reason" isRequired autoFocus maxLength={2000}>
                  <Label>Why is this flag not a concern?</Label>
                  <TextArea rows={3} />
                  <FieldError />
                </TextField>
                <ErrorText message={error} />
                <div className="actions">
                  <Button onPress={close}>Cancel</Button>
                  <Button type="submit" className="primary">
                    Dismiss flag
                  </Button>
                </div>
              </Form>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

export function FlagList({ caseId, flags, names, onChange }: FlagListProps) {
  const [error, setError] = useState<string | null>(null);
  const open = flags.filter((f) => !f.dismissed);
  const dismissed = flags.filter((f) => f.dismissed);
  const restore = async (key: string) => {
    try {
      onChange(await invoke('flags.restore', { caseId, key }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card flags" aria-labelledby="flags-heading">
      <h2 id="flags-heading">
        Red flags <span className="count">{open.length}</span>
      </h2>
      {open.length === 0 ? (
        <p className="muted">No open red flags: nothing in the records matches a warning pattern{dismissed.length ? ' that has not been dismissed' : ''}.</p>
      ) : (
        <ul className="flag-list">
          {open.map((f) => (
            <li key={f.key} className="flag" data-type={f.type}>
              <div className="flag-head">
                <h3>{flagLabel(f.type)}</h3>
                <DismissDialog caseId={caseId} flag={f} onChange={onChange} />
              </div>
              <p>{f.description}</p>
              <Evidence caseId={caseId} flag={f} names={names} />
            </li>
          ))}
        </ul>
      )}
      <ErrorText message={error} />
      {dismissed.length > 0 && (
        <Disclosure className="dismissed">
          <Heading level={3}>
            <Button slot="trigger" className="link-button">
              Dismissed ({dismissed.length})
            </Button>
          </Heading>
          <DisclosurePanel>
            <ul className="flag-list">
              {dismissed.map((f) => (
                <li key={f.key} className="flag dismissed-flag">
                  <div className="flag-head">
                    <h4>{flagLabel(f.type)}</h4>
                    <Button className="quiet" aria-label={`Restore: ${flagLabel(f.type)}`} onPress={() => void restore(f.key)}>
                      Restore
                    </Button>
                  </div>
                  <p>{f.description}</p>
                  <p className="dismiss-reason">
                    Dismissed {formatDisplayDate(f.dismissed?.dismissedAt.slice(0, 10))}: “{f.dismissed?.reason}”
                  </p>
                </li>
              ))}
            </ul>
          </DisclosurePanel>
        </Disclosure>
      )}
    </section>
  );
}
