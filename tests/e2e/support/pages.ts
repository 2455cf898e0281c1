// Page objects: what a person sees and does, named as they would name it.
import type { Page } from 'playwright-core';

export class CaseListPage {
  constructor(readonly page: Page) {}
  async open(url: string) {
    await this.page.goto(url);
    await this.page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
  }
  async createCase(fields: { name: string; state?: string; dob?: string; school?: string }) {
    await this.page.getByRole('button', { name: 'New case' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel("Child's name").fill(fields.name);
    if (fields.state) await dialog.getByLabel('State (e.g. CA)').fill(fields.state);
    if (fields.dob) await dialog.getByLabel('Date of birth').fill(fields.dob);
    if (fields.school) await dialog.getByLabel('School').fill(fields.school);
    await dialog.getByRole('button', { name: 'Create case' }).click();
  }
  caseRow(name: string) {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }
}

export class CaseView {
  constructor(readonly page: Page) {}
  async waitFor(name: string) {
    await this.page.getByRole('navigation', { name: 'Case sections' }).getByText(name).waitFor();
  }
  async goTo(section: string) {
    // A section's link may carry a count after its name ("Review 3 documents to review").
    const name = new RegExp(`^${section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
    await this.page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name }).click();
  }
}
