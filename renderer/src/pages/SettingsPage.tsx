import { useEffect, useState } from 'react';
import { Button, Form, Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import type { AppInfoDto, SettingsDto } from '../../../shared/api/app';
import { invoke } from '../api/client';

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
        <RadioGroup value={settings.theme} onChange={(v) => setSettings({ ...settings, theme: v as SettingsDto['theme'] })}>
          <Label>Theme</Label>
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
      <p className="muted">Everything stays on this computer. IEP Casefile makes no network connection.</p>
    </section>
  );
}
