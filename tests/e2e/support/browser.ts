// Debian's Chromium driven by playwright-core: never a downloaded browser, a fresh profile each time.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freshDataDir, startHostProcess, type HostProcess } from './host';

export const CHROMIUM_PATH = process.env.CASEFILE_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<{ browser: Browser; context: BrowserContext; page: Page; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'casefile-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { browser: context.browser()!, context, page, close: () => context.close() };
}

/**
 * The browser host (`casefile serve` on the data folder `dataDir` gives, a fresh one by default) and
 * a Chromium page, started before a describe block's tests and closed after them. A test may put a
 * restarted host in `env.host`.
 */
export function hostAndBrowser(dataDir: () => string = freshDataDir): { host: HostProcess; browser: Awaited<ReturnType<typeof launchBrowser>> } {
  const env = {} as { host: HostProcess; browser: Awaited<ReturnType<typeof launchBrowser>> };
  beforeAll(async () => {
    env.host = await startHostProcess(dataDir());
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.host?.stop();
  });
  return env;
}
