// Helpers for the case-switch suite: API calls straight to the host (to set up cases and to see what
// was really stored), and page objects for moving between cases the ways a person does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ApiArgs, ApiName, ApiResult } from '../../../shared/api';
import type { HostProcess } from './host';

/** Calls the host's API as the renderer does; throws the error's message when the call fails. */
export async function callApi<K extends ApiName>(host: HostProcess, name: K, args: ApiArgs<K>): Promise<ApiResult<K>> {
  const res = await fetch(`${host.origin}/api/call/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(args),
  });
  const r = (await res.json()) as { ok: true; value: ApiResult<K> } | { ok: false; error: { code: string; message: string } };
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/**
 * Imports files as another window would: each uploaded, then imported in one batch straight through
 * the host's API, waiting until the batch is done (throws if it does not finish).
 */
export async function importThroughApi(host: HostProcess, caseId: string, dir: string, fileNames: string[]): Promise<void> {
  const uploads = [];
  for (const fileName of fileNames) {
    const res = await fetch(`${host.origin}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${host.token}` },
      body: readFileSync(path.join(dir, fileName)),
    });
    uploads.push({ uploadId: ((await res.json()) as { value: { uploadId: string } }).value.uploadId, fileName });
  }
  const batch = await callApi(host, 'documents.import', { caseId, uploads });
  for (let i = 0; i < 2400; i++) {
    if ((await callApi(host, 'documents.importStatus', { jobId: batch.jobId })).done) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`import of ${fileNames.join(', ')} did not finish`);
}

/** Moves between cases by typing a route in the address bar (a same-document navigation). */
export async function goToRoute(page: Page, host: HostProcess, route: string): Promise<void> {
  await page.goto(`${host.origin}/#/${route}`);
}

export class CaseHeader {
  constructor(readonly page: Page) {}
  /** Waits until the case's own navigation and header name this case. */
  async waitForCase(caseName: string, childName: string) {
    await this.page.getByRole('navigation', { name: 'Case sections' }).locator('.case-title').filter({ hasText: new RegExp(`^${caseName}$`) }).waitFor();
    await this.page.locator('.child-header').filter({ hasText: childName }).waitFor();
  }
}

export class CaseInfoForm {
  constructor(readonly page: Page) {}
  form(): Locator {
    return this.page.locator('form.case-info');
  }
  field(label: string): Locator {
    return this.form().getByRole('textbox', { name: label, exact: true });
  }
  dateOfBirth(): Locator {
    return this.form().getByLabel('Date of birth', { exact: true });
  }
  async values() {
    return {
      name: await this.field('Case name').inputValue(),
      childName: await this.field("Child's full name").inputValue(),
      dob: await this.dateOfBirth().inputValue(),
      grade: await this.field('Grade').inputValue(),
      school: await this.field('School').inputValue(),
    };
  }
  async save() {
    await this.form().getByRole('button', { name: 'Save', exact: true }).click();
  }
  saved(): Locator {
    return this.form().getByRole('status').filter({ hasText: 'Saved.' });
  }
  alert(): Locator {
    return this.form().getByRole('alert');
  }
}
