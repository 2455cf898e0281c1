import type { SettingsDto } from '../../shared/api/app';
import type { Core } from './context';
import { settingsQueries } from './db/queries/settings';

const DEFAULTS: SettingsDto = { theme: 'system', preparedBy: '', batesPrefix: '' };

export function getSettings(core: Core): SettingsDto {
  const out: SettingsDto = { ...DEFAULTS };
  for (const [key, value] of settingsQueries(core.db).all()) if (key in out) (out as unknown as Record<string, unknown>)[key] = value;
  return out;
}

export function updateSettings(core: Core, patch: Partial<SettingsDto>): SettingsDto {
  settingsQueries(core.db).put(Object.entries(patch).filter(([, v]) => v !== undefined));
  return getSettings(core);
}
