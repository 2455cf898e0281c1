import { useEffect, useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { Radio, RadioGroup } from '../components/ui/Radio';
import type { AppInfoDto, SettingsDto } from '../../../shared/api/app';
import { fetchFile, invoke } from '../api/client';
import { ArchiveImportSection } from '../components/backup/ArchiveImportSection';
import { RestoreSection } from '../components/backup/RestoreSection';

/** Backs up the whole data folder to one encrypted file, downloaded like a packet. */
function BackupSection() {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <Form
      aria-labelledby="backup-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (passphrase.length < 8) return setStatus('The backup passphrase needs at least 8 characters.');
        if (passphrase !== again) return setStatus('The two passphrases do not match.');
        setBusy(true);
        setStatus('Backing up…');
        try {
          const res = await fetchFile('files.backup', {}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase }) });
          if (!res.ok) throw new Error(((await res.json()) as { error?: { message?: string } }).error?.message ?? `The backup failed (${res.status}).`);
          const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
          const url = URL.createObjectURL(await res.blob());
          const a = document.createElement('a');
          a.href = url;
          a.download = name ? decodeURIComponent(name) : 'IEP Casefile.casefile-backup';
          a.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          setPassphrase('');
          setAgain('');
          setStatus('Backup ready. Keep it somewhere safe, with its passphrase: without it the backup cannot be opened.');
        } catch (err) {
          setStatus((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="backup-heading">Backup</h2>
      <p className="muted">One encrypted file with every case, document and packet. Restore it below, or with `casefile restore FILE`.</p>
      <TextField type="password" value={passphrase} onChange={setPassphrase}>
        <Label>Backup passphrase</Label>
        <Input autoComplete="new-password" />
      </TextField>
      <TextField type="password" value={again} onChange={setAgain}>
        <Label>Backup passphrase again</Label>
        <Input autoComplete="new-password" />
      </TextField>
      <div className="actions">
        <Button type="submit" isDisabled={busy}>
          Back up now
        </Button>
      </div>
      {status && <p role="status">{status}</p>}
    </Form>
  );
}

export function SettingsPage() {
  const [settings, setSettings] = useState<SettingsDto | null>(null);
  const [info, setInfo] = useState<AppInfoDto | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    invoke('settings.get').then(setSettings).catch((e: Error) => setStatus(e.message));
    invoke('app.info').then(setInfo).catch(() => undefined);
  }, []);
  if (!settings) return <p aria-busy="true">Loading…</p>;
  return (
    <section className="page" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <Form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const next = await invoke('settings.update', settings);
            setSettings(next);
            document.documentElement.dataset.theme = next.theme;
            setStatus('Saved.');
          } catch (err) {
            setStatus((err as Error).message);
          }
        }}
      >
        <RadioGroup label="Theme" value={settings.theme} onChange={(v) => setSettings({ ...settings, theme: v as SettingsDto['theme'] })}>
          <Radio value="system">Follow the system</Radio>
          <Radio value="light">Light</Radio>
          <Radio value="dark">Dark</Radio>
        </RadioGroup>
        <TextField value={settings.preparedBy} onChange={(v) => setSettings({ ...settings, preparedBy: v })}>
          <Label>Prepared by (printed on packets and letters)</Label>
          <Input />
        </TextField>
        <TextField value={settings.batesPrefix} onChange={(v) => setSettings({ ...settings, batesPrefix: v })}>
          <Label>Default Bates prefix</Label>
          <Input />
        </TextField>
        <div className="actions">
          <Button type="submit" className="primary">
            Save settings
          </Button>
        </div>
        {status && <p role="status">{status}</p>}
      </Form>
      {info && (
        <dl className="facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Data folder</dt>
          <dd>{info.dataDir}</dd>
          <dt>Database schema</dt>
          <dd>{info.schemaVersion}</dd>
        </dl>
      )}
      <h2>Forms</h2>
      <p>
        <a href="#/settings/forms">Forms and what your corrections taught them</a>
      </p>
      <BackupSection />
      <RestoreSection />
      <ArchiveImportSection />
      <p className="muted">Everything stays on this computer. IEP Casefile makes no network connection.</p>
    </section>
  );
}
