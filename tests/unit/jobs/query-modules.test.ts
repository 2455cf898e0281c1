// SQL moved into query modules (issue 16): what the callers did before, done through them.
import { expect, it } from 'vitest';
import { getSettings, updateSettings } from '../../../main/core/settings';
import { testCore } from '../../support/core';

it('settings: defaults, a partial update that skips undefined keys, and values kept as JSON', async () => {
  const core = testCore();
  try {
    expect(getSettings(core)).toEqual({ theme: 'system', preparedBy: '', batesPrefix: '' });
    expect(updateSettings(core, { preparedBy: 'A. Parent', theme: 'dark', batesPrefix: undefined })).toEqual({ theme: 'dark', preparedBy: 'A. Parent', batesPrefix: '' });
    updateSettings(core, { batesPrefix: 'RIV' });
    expect(getSettings(core)).toEqual({ theme: 'dark', preparedBy: 'A. Parent', batesPrefix: 'RIV' });
    const keys = core.db.prepare<[], { key: string }>('SELECT key FROM settings ORDER BY key').all().map((r) => r.key);
    expect(keys).toEqual(['batesPrefix', 'preparedBy', 'theme']);
  } finally {
    await core.close();
  }
});
