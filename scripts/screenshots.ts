// Screenshots of every section of the dev-rivera case, for a person to look at and for the README:
// the browser host on a fresh data folder, the fixture's documents imported, Debian's Chromium driven
// by Playwright (as the e2e suite does), each section at 1440x900 and 1280x800, light and dark.
//
//   npm run build && npx tsx scripts/screenshots.ts [--out DIR] [--only overview,goals] [--no-scan]
//
// Writes DIR/<width>-<theme>-<section>.png (default out/screenshots/all). Without ../shared (the
// fixture cases) it says so and exits 0. The README's pictures in docs/screenshots are a few of these,
// copied by hand after looking at them.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, RIVERA_DOCS, hasRivera } from '../tests/support/fixtures';
import { launchBrowser } from '../tests/e2e/support/browser';
import { callApi, goToRoute, importThroughApi } from '../tests/e2e/support/case-switch';
import { startHostProcess } from '../tests/e2e/support/host';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
];
const THEMES = ['light', 'dark'] as const;
const SECTIONS = ['overview', 'documents', 'review', 'goals', 'services', 'scores', 'deadlines', 'letters', 'packet', 'info'];
/** One scan among the text PDFs, so the viewer's recognised-text overlay has something to show. */
const SCAN = 'scan_20230314_1702.pdf';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' }, 'no-scan': { type: 'boolean' } } });
  if (!hasRivera) {
    console.log('screenshots: skipped, the dev-rivera fixture (../shared/fixtures/cases/dev-rivera) is not here');
    return;
  }
  if (!existsSync(path.join(REPO_ROOT, 'out/renderer/index.html'))) throw new Error('no built renderer: run `npm run build` first');
  const outDir = path.resolve(values.out ?? path.join(REPO_ROOT, 'out/screenshots/all'));
  mkdirSync(outDir, { recursive: true });
  const only = values.only ? new Set(values.only.split(',')) : null;

  const files = readdirSync(RIVERA_DOCS).filter((f) => f.endsWith('.pdf') && !f.startsWith('scan_'));
  if (!values['no-scan']) files.push(SCAN);
  const host = await startHostProcess();
  const browser = await launchBrowser();
  try {
    const caseId = (await callApi(host, 'cases.create', { name: 'Mateo Rivera', state: 'CA', dob: '2014-03-14' })).id;
    console.log(`importing ${files.length} documents of dev-rivera...`);
    await importThroughApi(host, caseId, RIVERA_DOCS, files);
    const docs = await callApi(host, 'documents.list', { caseId });
    const scan = docs.find((d) => d.fileName === SCAN);
    const queue = await callApi(host, 'review.queue', { caseId });
    const routes: Array<[string, string]> = [
      ['home', ''],
      ['settings', 'settings'],
      ...SECTIONS.map((s): [string, string] => [s, `case/${caseId}/${s}`]),
      ...(queue[0] ? [['review-document', `case/${caseId}/review/${queue[0].documentId}`] as [string, string]] : []),
      ...(scan ? [['viewer-scan', `case/${caseId}/documents/${scan.id}/1`] as [string, string]] : []),
    ];
    const page = browser.page;
    await page.goto(host.url);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const theme of THEMES) {
        for (const [name, route] of routes) {
          if (only && !only.has(name)) continue;
          await goToRoute(page, host, route);
          await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 60_000 });
          // Charts are drawn once their data arrives: wait until every one is settled.
          await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.chart-canvas')].every((c) => c.dataset.settled === 'true'), undefined, { timeout: 30_000 }).catch(() => undefined);
          await page.waitForTimeout(400);
          const file = path.join(outDir, `${size.width}-${theme}-${name}.png`);
          await page.screenshot({ path: file });
          console.log(file);
        }
      }
    }
  } finally {
    await browser.close();
    await host.stop();
  }
}

await main();
