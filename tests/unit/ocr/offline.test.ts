// OCR must work with no network at all: run it in a child process whose every outbound
// connection, DNS lookup, HTTP request and fetch fails and is recorded (in worker threads too).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../../main/core/ocr/cer';
import { REPO_ROOT } from '../../support/fixtures';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'ocr-offline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LogEntry {
  event: 'loaded' | 'blocked';
  thread: number;
  api?: string;
  target?: string;
}

async function runGuarded(script: string, log: string) {
  const { stdout } = await run(
    process.execPath,
    ['--import', './tests/support/no-network.mjs', '--import', 'tsx', script],
    { cwd: REPO_ROOT, env: { ...process.env, NO_NETWORK_LOG: log }, timeout: 110_000, maxBuffer: 16 << 20 },
  );
  const entries = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogEntry);
  return { stdout, entries };
}

describe('OCR offline', () => {
  it('the guard really blocks and records network attempts, in the main thread and in workers', async () => {
    const log = path.join(dir, 'probe.jsonl');
    const probe = path.join(dir, 'probe.mjs');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'probe-worker.mjs'), "await fetch('http://example.org/').catch(() => {});");
    writeFileSync(
      probe,
      `import { Worker } from 'node:worker_threads';
       import net from 'node:net';
       const tryFetch = async () => { try { await fetch('http://example.com/'); return 'connected'; } catch (e) { return 'failed'; } };
       const main = await tryFetch();
       await new Promise((resolve) => { const s = net.connect(80, '127.0.0.1'); s.on('error', resolve); s.on('connect', resolve); });
       const worker = new Worker(new URL('./probe-worker.mjs', import.meta.url));
       await new Promise((resolve) => worker.on('exit', resolve));
       console.log(main);`,
    );
    const { stdout, entries } = await runGuarded(probe, log);
    expect(stdout.trim()).toBe('failed');
    const blocked = entries.filter((e) => e.event === 'blocked');
    expect(blocked.map((e) => e.api)).toEqual(expect.arrayContaining(['fetch', 'net.Socket.connect']));
    expect(blocked.some((e) => e.thread !== 0)).toBe(true);
  });

  it('recognises a page with every network attempt failing, and attempts none', async () => {
    const log = path.join(dir, 'ocr.jsonl');
    const { stdout, entries } = await runGuarded('tests/support/ocr-offline-child.ts', log);
    const result = JSON.parse(stdout) as { text: string; words: number; expected: string };
    expect(result.words).toBeGreaterThan(8);
    expect(characterErrorRate(result.expected, result.text)).toBeLessThan(0.05);
    // The guard ran in the main thread and inside the tesseract worker thread...
    const loadedThreads = new Set(entries.filter((e) => e.event === 'loaded').map((e) => e.thread));
    expect(loadedThreads.has(0)).toBe(true);
    expect([...loadedThreads].some((t) => t !== 0)).toBe(true);
    // ...and nothing anywhere tried to connect.
    expect(entries.filter((e) => e.event === 'blocked')).toEqual([]);
  });
});
