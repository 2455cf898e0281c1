// Builds the packet in the background: a progress bar with time left and Cancel, then Download.
// Progress arrives as job.progress events; a slow status poll covers an event missed while the
// event stream reconnects.
import { useEffect, useRef, useState } from 'react';
import { Button, ProgressBar } from 'react-aria-components';
import type { ExhibitChangeDto } from '../../../../shared/api/disclosure';
import type { PacketJobDto, PacketOptionsArgs } from '../../../../shared/api/packet';
import { invoke, on } from '../../api/client';
import { usePersonFileName } from '../../components/person-file-name';
import { downloadFile } from './download';
import { timeLeft } from './packetModel';

export function BuildPanel({ options, problem }: { options: PacketOptionsArgs; problem: string | null }) {
  const fileNameFor = usePersonFileName(options.caseId);
  const [job, setJob] = useState<PacketJobDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const startedAt = useRef(0);
  const [now, setNow] = useState(0);
  // A packet built after a disclosure is checked against it: each exhibit changed, added or removed is named.
  const [changes, setChanges] = useState<ExhibitChangeDto[]>([]);
  const builtWith = useRef<PacketOptionsArgs | null>(null);
  const finished = !!job?.done && !job.error && !job.cancelled;
  useEffect(() => {
    if (!finished || !builtWith.current) return;
    let live = true;
    invoke('disclosure.changes', builtWith.current)
      .then((c) => live && setChanges(c))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [finished, job?.jobId]);
  const running = !!job && !job.done;

  useEffect(() => {
    if (!job || job.done) return;
    const id = job.jobId;
    const refresh = () =>
      invoke('packet.status', { jobId: id })
        .then((s) => setJob((j) => (j?.jobId === id ? s : j)))
        .catch(() => undefined);
    const off = on('job.progress', (e) => {
      if (e.kind !== 'packet' || e.jobId !== id) return;
      setNow(Date.now());
      if (e.done) void refresh();
      else setJob((j) => (j?.jobId === id ? { ...j, fraction: e.fraction, message: e.message } : j));
    });
    const timer = setInterval(() => (setNow(Date.now()), void refresh()), 1500);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [job?.jobId, job?.done]);

  const build = async () => {
    setError(null);
    try {
      startedAt.current = Date.now();
      builtWith.current = options;
      setChanges([]);
      setNow(Date.now());
      setJob(await invoke('packet.build', options));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const cancel = () =>
    job &&
    invoke('packet.cancel', { jobId: job.jobId })
      .then(setJob)
      .catch((e: Error) => setError(e.message));

  const download = () => job?.fileReady && downloadFile('files.packet', { job: job.jobId }, 'evidence-packet.pdf', fileNameFor('evidence packet', 'pdf')).catch((e: Error) => setError(e.message));

  return (
    <section className="card build-panel" aria-labelledby="build-heading">
      <h2 id="build-heading">Build the packet</h2>
      <div className="toolbar">
        <Button className="primary" onPress={() => void build()} isDisabled={running || !!problem}>
          Build packet
        </Button>
        {problem && <span className="warn-text small">{problem}</span>}
      </div>
      {job && (
        <div className="import-head">
          <ProgressBar value={job.fraction * 100} className="progress" aria-label="Packet build" valueLabel={job.message}>
            {({ percentage }) => (
              <>
                <div className="progress-label">
                  <span>{job.done ? (job.cancelled ? 'Build cancelled' : job.error ? 'Build failed' : 'Packet ready') : job.message}</span>
                  <span className="muted">
                    {Math.round(percentage ?? 0)}% {running ? timeLeft(now - startedAt.current, job.fraction) : ''}
                  </span>
                </div>
                <div className="progress-track">
                  <div className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
                </div>
              </>
            )}
          </ProgressBar>
          {running && <Button onPress={() => void cancel()}>Cancel</Button>}
          {job.done && job.fileReady && !job.error && !job.cancelled && (
            <Button className="primary" onPress={() => void download()}>
              Download PDF
            </Button>
          )}
        </div>
      )}
      {job?.done && !job.error && !job.cancelled && job.pageCount !== null && (
        <p role="status" className="small">
          {job.pageCount} pages, {job.exhibits.length} exhibits
          {job.exhibits.length > 0 && `, Bates ${job.exhibits[0].batesFirst} to ${job.exhibits[job.exhibits.length - 1].batesLast}`}.
        </p>
      )}
      {finished && changes.length > 0 && (
        <ul className="warn-text small" aria-label="Changed since the last disclosure">
          {changes.map((c) => (
            <li key={c.label + c.kind}>{c.message}</li>
          ))}
        </ul>
      )}
      {job?.done && job.volumes && job.volumes.length > 1 && (
        <div className="toolbar" role="group" aria-label="Volumes">
          <span className="small">Split into {job.volumes.length} volumes under the forum's e-filing limit:</span>
          {job.volumes.map((v) => (
            <Button key={v.jobId} onPress={() => void downloadFile('files.packet', { job: v.jobId }, `evidence-packet-vol${v.number}.pdf`, fileNameFor(`evidence packet volume ${v.number}`, 'pdf')).catch((e: Error) => setError(e.message))}>
              Volume {v.number} ({v.pageCount} p., {v.exhibits[0]} to {v.exhibits[v.exhibits.length - 1]})
            </Button>
          ))}
        </div>
      )}
      {(error ?? job?.error) && (
        <p role="alert" className="error">
          {error ?? job?.error}
        </p>
      )}
    </section>
  );
}
