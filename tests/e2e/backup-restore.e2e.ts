// Backup and restore from Settings, in the browser against the real host (`casefile serve`): a
// backup downloaded with the Back up button, a case added after it, a cut-off copy of the backup
// refused by name when checked, then the real one checked, confirmed by typing and restored: the
// app reloads on the backup's cases, the later one gone. axe finds nothing on the Restore section.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCasefile } from '../support/cli';
import { tempDir } from '../support/core';
import { hostAndBrowser } from './support/browser';
import { callApi, goToRoute } from './support/case-switch';
import { CaseListPage } from './support/pages';

const PASS = 'kitchen table 42';

describe('backup and restore from Settings', () => {
  const env = hostAndBrowser();

  it('backs up, refuses a cut-off copy, and restores the backup after a typed confirmation', async () => {
    const page = env.browser.page;
    await callApi(env.host, 'cases.create', { name: 'Maya Ortiz' });
    const list = new CaseListPage(page);
    await list.open(env.host.url);
    await goToRoute(page, env.host, 'settings');
    const backup = page.getByRole('form', { name: 'Backup' });
    await backup.getByLabel('Backup passphrase', { exact: true }).fill(PASS);
    await backup.getByLabel('Backup passphrase again').fill(PASS);
    const [download] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Back up now' }).click()]);
    const dir = tempDir();
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(saved).toMatch(/\.casefile-backup$/);

    // Something changes after the backup.
    await callApi(env.host, 'cases.create', { name: 'Added Later' });

    const restore = page.getByRole('region', { name: 'Restore' });
    const choose = async (file: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), restore.getByRole('button', { name: 'Choose backup file…' }).click()]);
      await chooser.setFiles(file);
      await expect.poll(() => restore.getByText(path.basename(file), { exact: true }).count()).toBe(1);
    };
    const bytes = readFileSync(saved);
    const cut = path.join(dir, 'cut-off.casefile-backup');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 3000));
    await choose(cut);
    await restore.getByLabel('Passphrase of the backup').fill(PASS);
    await restore.getByRole('button', { name: 'Check backup' }).click();
    await expect.poll(() => restore.getByRole('status').textContent()).toMatch(/“cut-off\.casefile-backup” is damaged or incomplete/);
    expect(await restore.getByRole('button', { name: 'Restore this backup…' }).count()).toBe(0);

    await choose(saved);
    await restore.getByRole('button', { name: 'Check backup' }).click();
    await expect.poll(() => restore.getByRole('status').textContent()).toMatch(/is a whole backup, made .*Every part matches its checksum/);
    const axe = await new AxeBuilder({ page }).include('.restore').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await restore.getByRole('button', { name: 'Restore this backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace everything with this backup?' });
    const submit = dialog.getByRole('button', { name: 'Restore', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel('Type “replace” to confirm').fill('replace');
    await submit.click();
    // The app reloads on the restored folder: the backup's case, not the one added after it.
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await list.caseRow('Maya Ortiz').waitFor();
    expect(await list.caseRow('Added Later').count()).toBe(0);
    expect((await callApi(env.host, 'cases.list', {})).map((c) => c.name)).toEqual(['Maya Ortiz']);
  });

  it('imports a case archive of a case that is here by merging it, after asking', async () => {
    const page = env.browser.page;
    const c = await callApi(env.host, 'cases.create', { name: 'Archive Child' });
    // Exported beside the running host, as from another computer, then the case here goes on.
    const archive = path.join(tempDir(), 'archive-child.casefile');
    const exported = runCasefile(['archive', 'export', '--case', c.id, '--out', archive], { dataDir: env.host.dataDir, env: { CASEFILE_ARCHIVE_PASSPHRASE: PASS } });
    expect(exported.code, exported.stderr).toBe(0);

    await new CaseListPage(page).open(env.host.url);
    await goToRoute(page, env.host, 'settings');
    const section = page.getByRole('region', { name: 'Import a case archive' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), section.getByRole('button', { name: 'Choose case archive…' }).click()]);
    await chooser.setFiles(archive);
    await section.getByLabel('Passphrase of the archive').fill(PASS);
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/has that case already/);
    const choice = section.getByRole('radiogroup', { name: 'This case is here already' });
    expect(await choice.getByRole('radio', { name: /Merge into it/ }).isChecked()).toBe(true);
    const axe = await new AxeBuilder({ page }).include('.archive-import').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/Merged “archive-child\.casefile” into the case: 0 documents added/);

    // One case still, and the merge in its history.
    expect((await callApi(env.host, 'cases.list', {})).filter((x) => x.name === 'Archive Child')).toHaveLength(1);
    const history = await callApi(env.host, 'cases.history', { caseId: c.id });
    expect(history[0], JSON.stringify(history)).toMatchObject({ kind: 'archive_imported', description: expect.stringMatching(/^Merged the archive archive-child\.casefile/) });
    await section.getByRole('link', { name: 'Open the case' }).click();
    await page.getByRole('navigation', { name: 'Case sections' }).getByText('Archive Child').waitFor();
  });
});
