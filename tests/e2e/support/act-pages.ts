// Page objects for the "act" sections (Deadlines, Letters, Services, Packet) and a case set up
// through the CLI before the host starts: the fixture's text PDFs, no OCR, so the suite stays fast.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { REPO_ROOT, RIVERA_DOCS } from '../../support/fixtures';
import { hostAndBrowser } from './browser';
import { freshDataDir } from './host';

/** Every fixture document that has a text layer (the scans and the phone photo need OCR). */
export function riveraTextDocuments(): string[] {
  return readdirSync(RIVERA_DOCS)
    .filter((f) => !f.startsWith('scan_') && !/\.jpe?g$/i.test(f))
    .map((f) => path.join(RIVERA_DOCS, f));
}

/** Creates the case and imports the documents with the casefile CLI into dataDir. */
export function importCaseWithCli(dataDir: string, name: string, state: string, files: string[]): void {
  const cli = path.join(REPO_ROOT, 'bin/casefile.mjs');
  execFileSync(process.execPath, [cli, '--data-dir', dataDir, 'cases', 'create', '--name', name, '--state', state], { cwd: REPO_ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, [cli, '--data-dir', dataDir, 'import', '--case', name, ...files], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 170_000 });
}

export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function openCase(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
  await page.getByRole('grid', { name: /^Cases/ }).getByRole('row', { name: new RegExp(name) }).click();
  await page.getByRole('navigation', { name: 'Case sections' }).getByText(name).waitFor();
}

export class LettersPage {
  constructor(readonly page: Page) {}

  async draft(templateTitle: string) {
    await this.page.getByRole('button', { name: templateTitle, exact: true }).click();
    await this.editor().waitFor();
  }
  editor(): Locator {
    return this.page.getByRole('form', { name: /^Edit letter/ });
  }
  paragraph(n: number): Locator {
    return this.editor().getByRole('textbox', { name: `Paragraph ${n}`, exact: true });
  }
  subject(): Locator {
    return this.editor().getByRole('textbox', { name: 'Subject' });
  }
  async saveAsSent(date: string) {
    await this.editor().getByLabel('Sent on').fill(date);
    await this.editor().getByRole('button', { name: 'Save as sent' }).click();
  }
  notice(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Saved as sent' });
  }
  savedRow(subject: string): Locator {
    return this.page.getByRole('table', { name: /Saved letters/ }).getByRole('row').filter({ hasText: subject });
  }
}

export class DeadlinesPage {
  constructor(readonly page: Page) {}

  /** A status group's table: "Overdue deadlines", "Upcoming deadlines"… */
  table(group: string): Locator {
    return this.page.getByRole('grid', { name: `${group} deadlines` });
  }
  /** Every deadline row on the page whose text matches. */
  rows(text: string | RegExp): Locator {
    return this.page.locator('.deadline-table').getByRole('row').filter({ hasText: text });
  }
}

export class PacketPage {
  constructor(readonly page: Page) {}

  candidates(): Locator {
    return this.page.getByRole('grid', { name: 'Documents to include as exhibits' });
  }
  order(): Locator {
    return this.page.getByRole('grid', { name: 'Exhibits in packet order' });
  }
  async choose(title: string) {
    // A row of a multiple-selection grid toggles when clicked, as the checkbox in it does.
    await this.candidates().getByRole('row').filter({ hasText: title }).click();
    await this.order().getByRole('row').filter({ hasText: title }).waitFor();
  }
  /** Leaves ticked only the sections whose label contains one of `keep`. */
  async setSections(keep: string[]) {
    const boxes = this.page.getByRole('group', { name: 'Sections' }).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      const label = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')) || '';
      const want = keep.some((k) => label.includes(k));
      if ((await box.isChecked()) !== want) await box.setChecked(want, { force: true });
    }
  }
  progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Packet build' });
  }
  async waitForBuild(timeout = 150_000) {
    await expect.poll(() => this.progress().getAttribute('aria-valuenow'), { timeout, interval: 250 }).toBe('100');
    await this.page.getByRole('button', { name: 'Download PDF' }).waitFor({ timeout });
  }
}

/**
 * For a describe block: the browser host on a data folder holding the case "Rivera" (CA) imported
 * from `files` with the CLI, and a Chromium page open on that case.
 */
export function riveraCaseInBrowser(files: string[] = riveraTextDocuments()): ReturnType<typeof hostAndBrowser> {
  const env = hostAndBrowser(() => {
    const dataDir = freshDataDir();
    importCaseWithCli(dataDir, 'Rivera', 'CA', files);
    return dataDir;
  });
  beforeAll(() => openCase(env.browser.page, env.host.url, 'Rivera'));
  return env;
}
