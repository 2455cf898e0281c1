// Screenshots of every section of the dev-rivera case, for a person to look at and for the README:
// the browser host on a fresh data folder, the fixture's documents imported, Debian's Chromium driven
// by Playwright (as the e2e suite does), each section at 1440x900 and 1280x800, light and dark.
//
//   npm run build && npx tsx scripts/screenshots.ts [--out DIR] [--only overview,goals] [--no-scan] [--full] [--readme]
//
// --full takes the whole page, not only what the window shows. --readme also writes the README's few
// pictures to docs/screenshots, as palette PNGs (a few hundred kB in all).
//
// Writes DIR/<width>-<theme>-<section>.png (default out/screenshots/all). Without ../shared (the
// fixture cases) it says so and exits 0. The README's pictures in docs/screenshots are a few of these,
// copied by hand after looking at them.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
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
/** The README's pictures: docs/screenshots/<name>.png from <width>-<theme>-<shot>.png. */
const README_SHOTS: Record<string, string> = {
  overview: '1440-light-overview',
  timeline: '1440-dark-goals',
  review: '1440-light-review-document',
  'scan-text': '1440-light-viewer-scan-text',
  deadlines: '1280-light-deadlines',
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' }, 'no-scan': { type: 'boolean' }, full: { type: 'boolean' }, readme: { type: 'boolean' } } });
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
    // A route, and optionally what to do there before the picture: [name, route, action].
    const showText = async () => void (await browser.page.getByRole('radio', { name: 'Text', exact: true }).click());
    const routes: Array<[string, string, (() => Promise<void>)?]> = [
      ['home', ''],
      ['settings', 'settings'],
      ...SECTIONS.map((s): [string, string] => [s, `case/${caseId}/${s}`]),
      ...(queue[0] ? [['review-document', `case/${caseId}/review/${queue[0].documentId}`] as [string, string]] : []),
      ...(scan
        ? [['viewer-scan', `case/${caseId}/documents/${scan.id}/1`] as [string, string], ['viewer-scan-text', `case/${caseId}/documents/${scan.id}/1`, showText] as [string, string, () => Promise<void>]]
        : []),
    ];
    const page = browser.page;
    await page.goto(host.url);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const theme of THEMES) {
        for (const [name, route, action] of routes) {
          if (only && !only.has(name)) continue;
          await goToRoute(page, host, route);
          await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 60_000 });
          // Charts are drawn once their data arrives: wait until every one is settled.
          await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.chart-canvas')].every((c) => c.dataset.settled === 'true'), undefined, { timeout: 30_000 }).catch(() => undefined);
          // Page images render on the engine: wait until none is still loading.
          await page.waitForFunction(() => !document.querySelector('.page-loading'), undefined, { timeout: 90_000 }).catch(() => undefined);
          await action?.();
          await page.waitForTimeout(400);
          const file = path.join(outDir, `${size.width}-${theme}-${name}.png`);
          await page.screenshot({ path: file, fullPage: values.full ?? false });
          console.log(file);
        }
      }
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  if (values.readme) {
    const docs = path.join(REPO_ROOT, 'docs/screenshots');
    for (const [name, shot] of Object.entries(README_SHOTS)) {
      const from = path.join(outDir, `${shot}.png`);
      if (!existsSync(from)) continue;
      await sharp(from).png({ palette: true, quality: 90, effort: 10 }).toFile(path.join(docs, `${name}.png`));
      console.log(path.join(docs, `${name}.png`));
    }
  }
}

await main();
