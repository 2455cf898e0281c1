import { readFileSync } from 'node:fs';
import { LATEST_VERSION } from '../core/db/migrate';
import { dismissUpgradeNotice, upgradeNotice } from '../core/documents/upgrade-notice';
import { getSettings, updateSettings } from '../core/settings';
import type { Registry } from './registry';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
export const APP_VERSION = pkg.version;

export function registerApp(reg: Registry): void {
  reg.register('app.info', (_args, { core, transport }) => ({
    version: APP_VERSION,
    dataDir: core.dataDir,
    transport: (transport === 'electron' ? 'electron' : 'browser') as 'electron' | 'browser',
    schemaVersion: LATEST_VERSION,
  }));
  reg.register('app.upgradeNotice', (_a, { core }) => upgradeNotice(core));
  reg.register('app.dismissUpgradeNotice', (_a, { core }) => dismissUpgradeNotice(core));
  reg.register('settings.get', (_a, { core }) => getSettings(core));
  reg.register('settings.update', (patch, { core }) => updateSettings(core, patch));
  reg.register('app.checkBackup', async (args, { core }) => (await import('../core/backup/restore-live')).checkStagedBackup(core, args));
  reg.register('app.importArchive', async (args, { core }) => (await import('../core/backup/restore-live')).importStagedArchive(core, args));
  reg.register('app.restoreBackup', async (args, ctx) => (await import('../core/backup/restore-live')).restoreStagedBackup(ctx.core, ctx, args));
}
