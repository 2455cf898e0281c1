import type { SettingsDto } from '../../shared/api/app';
import type { Core } from './context';

const DEFAULTS: SettingsDto = { theme: 'system', preparedBy: '', batesPrefix: '' };

export function getSettings(core: Core): SettingsDto {
  const rows = core.db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings').all();
  const out: SettingsDto = { ...DEFAULTS };
  for (const r of rows) if (r.key in out) (out as unknown as Record<string, unknown>)[r.key] = JSON.parse(r.value_json);
  return out;
}

export function updateSettings(core: Core, patch: Partial<SettingsDto>): SettingsDto {
  const upsert = core.db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json');
  core.db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) upsert.run(k, JSON.stringify(v));
  })();
  return getSettings(core);
}
