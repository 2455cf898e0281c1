// Page objects for the Documents section, the viewer, search and the review screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Opens the app on the case list (waiting on the exact heading: the home page has other headings too). */
export async function openCaseList(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
}

/**
 * Drops files (paths) on the first element matching the selector as a person dragging them from the
 * desktop would: a DataTransfer holding the files, in dispatched dragenter, dragover and drop events.
 */
export async function dropFiles(page: Page, selector: string, files: string[]) {
  const payload = files.map((f) => ({ name: path.basename(f), base64: readFileSync(f).toString('base64') }));
  await page.locator(selector).first().waitFor();
  await page.evaluate(
    async ({ selector, items }) => {
      const dt = new DataTransfer();
      for (const it of items) {
        const bin = atob(it.base64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], it.name, { type: it.name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream' }));
      }
      const target = document.querySelector(selector)!;
      const r = target.getBoundingClientRect();
      const at = { bubbles: true, cancelable: true, dataTransfer: dt, clientX: r.left + 10, clientY: r.top + 10 };
      target.dispatchEvent(new DragEvent('dragenter', at));
      target.dispatchEvent(new DragEvent('dragover', at));
      target.dispatchEvent(new DragEvent('drop', at));
    },
    { selector, items: payload },
  );
}

export class DocumentsPage {
  constructor(readonly page: Page) {}

  /** The hidden input behind "Add files…" (not the folder picker). */
  async importByPicker(files: string[]) {
    await this.page.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(files);
  }

  /** Drops files on the section as a person dragging them from the desktop would. */
  async importByDrop(files: string[]) {
    await dropFiles(this.page, '.doc-dropzone', files);
  }

  progressBar(): Locator {
    return this.page.getByRole('progressbar').last();
  }

  /** Waits until `runs` imports are shown and every one has finished with a full bar. */
  async waitForImport(runs = 1, timeout = 150_000) {
    await this.page.waitForFunction(
      (n) => {
        const all = [...document.querySelectorAll('.import-run')];
        return all.length >= n && all.every((r) => r.textContent?.includes('Import finished') && r.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '100');
      },
      runs,
      { timeout, polling: 250 },
    );
  }

  importRow(fileName: string): Locator {
    return this.page.getByRole('list', { name: 'Files in this import' }).last().getByRole('listitem').filter({ hasText: fileName });
  }

  table(): Locator {
    return this.page.getByRole('grid', { name: /Documents (in this case|in the trash)/ });
  }

  row(text: string | RegExp): Locator {
    return this.table().getByRole('row').filter({ hasText: text });
  }

  async search(query: string) {
    await this.page.getByRole('searchbox', { name: "Search this case's documents" }).fill(query);
  }

  hits(): Locator {
    return this.page.getByRole('grid', { name: 'Pages matching the search' }).getByRole('row');
  }

  viewer(): Locator {
    return this.page.getByRole('region', { name: /^Viewer: / });
  }

  boxes(kind: 'hit' | 'source' | 'value' | 'selected'): Locator {
    return this.page.locator(`.viewer .page-overlay rect[data-kind="${kind}"], .review-page .page-overlay rect[data-kind="${kind}"]`);
  }

  pageImage(): Locator {
    return this.viewer().locator('.viewer-page img.page-image');
  }

  /** The viewer's page area, which takes the paging keys ("Page 3 of 5. …"). */
  pageRegion(): Locator {
    return this.viewer().getByRole('region', { name: /^Page \d+ of \d+/ });
  }

  /**
   * Waits until every page move asked for has been drawn (the page the route asks for is the page
   * the viewer announces) and returns that page. The route alone is not enough: a key press writes
   * it at once, and the viewer draws the page later.
   */
  async settledPage(timeout = 30_000): Promise<number> {
    const handle = await this.page.waitForFunction(
      () => {
        const asked = /\/documents\/[^/]+\/(\d+)/.exec(window.location.hash)?.[1];
        const label = document.querySelector('.viewer .viewer-page[role="region"]')?.getAttribute('aria-label') ?? '';
        const shown = /^Page (\d+) of/.exec(label)?.[1];
        return asked !== undefined && asked === shown ? Number(shown) : null;
      },
      undefined,
      { timeout },
    );
    return (await handle.jsonValue()) as number;
  }

  /**
   * Delivers key presses to the focused element within one task, as keys arrive when the machine is
   * too busy to draw between them: none of them may be handled against a page the app has left.
   */
  async pressAtOnce(keys: string[]) {
    await this.page.evaluate((all) => {
      const target = document.activeElement ?? document.body;
      for (const key of all) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
      }
    }, keys);
  }

  async toggleTrash() {
    await this.page.getByRole('button', { name: /^Trash/ }).click();
  }
}

export class ReviewPage {
  constructor(readonly page: Page) {}

  queueRow(text: string | RegExp): Locator {
    return this.page.getByRole('grid', { name: 'Documents to review' }).getByRole('row').filter({ hasText: text });
  }

  group(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  field(group: string | RegExp, label: string): Locator {
    return this.group(group).locator('li.field').filter({ has: this.page.locator('.field-label', { hasText: new RegExp(`^${label}$`) }) });
  }
}
