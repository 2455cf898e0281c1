// Benchmark (issue 17): the cost of encryption at rest. The same work runs on an encrypted data
// folder (SQLCipher database, sealed originals and packets) and on a plain one, alternating, in the
// same process and run: importing generated text PDFs, searching them (a fixed query set through
// search()), and building an evidence packet of every document.
// Run: npx tsx bench/encryption.ts [--docs 40] [--pages 8] [--runs 3] [--no-write]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createCase } from '../main/core/cases';
import { openCore, type Core } from '../main/core/context';
import { migrate } from '../main/core/db/migrate';
import { importOne } from '../main/core/documents/import';
import { packetJob, startPacketBuild } from '../main/core/packet/service';
import { search } from '../main/core/search/service';
import { buildVocabulary, childName, generatePage } from './support/corpus';
import { seededRandom } from './support/random';
import { cliArgs, loadAverage, machineLine, percentile, writeResultsSection } from './support/report';

const args = cliArgs();
const DOCS = Number(args.value('docs') ?? 40);
const PAGES = Number(args.value('pages') ?? 8);
const RUNS = Number(args.value('runs') ?? 3);
const SEARCH_REPS = 40;
const QUERIES = ['student', 'fluency', '"reading fluency"', 'accommod*', 'speech AND articulation', 'goal NOT reading', 'dysgraphia', 'minutes'];

async function corpus(): Promise<Uint8Array[]> {
  const rand = seededRandom(17);
  const vocab = buildVocabulary(3000, rand);
  const child = childName(rand);
  const out: Uint8Array[] = [];
  for (let d = 0; d < DOCS; d++) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let p = 1; p <= PAGES; p++) {
      const page = doc.addPage([612, 792]);
      const text = generatePage(d % 2 ? 'progress_report' : 'iep', p, child, false, vocab, rand).text;
      text.split('\n').slice(0, 48).forEach((line, i) => page.drawText(line.slice(0, 95).replace(/[^\x20-\x7e]/g, ' '), { x: 54, y: 740 - i * 14, size: 9, font }));
    }
    out.push(await doc.save());
  }
  return out;
}

function openFolder(encrypted: boolean): Core {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `casefile-bench-${encrypted ? 'enc' : 'plain'}-`));
  if (encrypted) return openCore({ dataDir, keySource: { env: { CASEFILE_KEY: randomBytes(32).toString('hex') }, keyring: false, prompt: false } });
  // What an earlier version made: no key, so the folder stays plain (only the lock holder encrypts).
  const core = openCore({ dataDir, migrate: false });
  migrate(core.db);
  return core;
}

interface Times {
  importMs: number;
  searchMs: number;
  packetMs: number;
  /** CPU time of the process (every thread: the packet worker too), the steadier figure on a shared machine. */
  importCpu: number;
  searchCpu: number;
  packetCpu: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function runOnce(encrypted: boolean, pdfs: Uint8Array[]): Promise<Times> {
  const core = openFolder(encrypted);
  if (Boolean(core.keys) !== encrypted) throw new Error('the folder is not what the run asked for');
  try {
    const c = createCase(core, { name: 'Bench' });
    let t = performance.now();
    let c0 = cpuMs();
    for (let i = 0; i < pdfs.length; i++) {
      const [r] = await importOne(core, c.id, { fileName: `doc-${i}.pdf`, source: `doc-${i}.pdf`, read: () => pdfs[i].slice() });
      if (r?.status !== 'imported') throw new Error(`doc-${i}.pdf: ${r?.status} ${r?.message ?? ''}`);
    }
    const importMs = performance.now() - t;
    const importCpu = cpuMs() - c0;
    t = performance.now();
    c0 = cpuMs();
    for (let rep = 0; rep < SEARCH_REPS; rep++) for (const q of QUERIES) search(core, { caseId: c.id, query: q });
    const searchMs = (performance.now() - t) / (SEARCH_REPS * QUERIES.length);
    const searchCpu = (cpuMs() - c0) / (SEARCH_REPS * QUERIES.length);
    const docs = core.db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE case_id = ? ORDER BY rowid').all(c.id);
    t = performance.now();
    c0 = cpuMs();
    const job = startPacketBuild(core, { caseId: c.id, bates: { prefix: 'B-', start: 1, digits: 5, position: 'bottom-right' }, labelStyle: 'P-1', sections: ['cover', 'toc', 'index', 'exhibits'], exhibits: docs.map((d) => ({ documentId: d.id })) });
    while (!packetJob(core, job.jobId).dto.done) await new Promise((r) => setTimeout(r, 20));
    const packetMs = performance.now() - t;
    const packetCpu = cpuMs() - c0;
    const j = packetJob(core, job.jobId);
    if (j.dto.error) throw new Error(j.dto.error);
    return { importMs, searchMs, packetMs, importCpu, searchCpu, packetCpu };
  } finally {
    const dir = core.dataDir;
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => percentile(xs, 50);

async function main() {
  const load = loadAverage();
  const pdfs = await corpus();
  await runOnce(false, pdfs.slice(0, 2)); // warm up the readers and the packet worker
  const results: Record<'plain' | 'encrypted', Times[]> = { plain: [], encrypted: [] };
  for (let r = 0; r < RUNS; r++) {
    for (const mode of r % 2 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) {
      const t = await runOnce(mode === 'encrypted', pdfs);
      results[mode].push(t);
      console.log(`${mode} run ${r + 1}: import ${(t.importMs / 1000).toFixed(2)} s (${(t.importCpu / 1000).toFixed(2)} s CPU), search ${t.searchMs.toFixed(2)} ms/query (${t.searchCpu.toFixed(2)} CPU), packet ${(t.packetMs / 1000).toFixed(2)} s (${(t.packetCpu / 1000).toFixed(2)} s CPU)`);
    }
  }
  const pct = (p: number, e: number) => `${e >= p ? '+' : ''}${(((e - p) / p) * 100).toFixed(1)}%`;
  const row = (label: string, wall: keyof Times, cpu: keyof Times, unit: (n: number) => string) => {
    const [pw, ew] = [median(results.plain.map((t) => t[wall])), median(results.encrypted.map((t) => t[wall]))];
    const [pc, ec] = [median(results.plain.map((t) => t[cpu])), median(results.encrypted.map((t) => t[cpu]))];
    return `| ${label} | ${unit(pc)} | ${unit(ec)} | ${pct(pc, ec)} | ${unit(pw)} | ${unit(ew)} | ${pct(pw, ew)} |`;
  };
  const sec = (n: number) => `${(n / 1000).toFixed(2)} s`;
  const body = [
    `Run ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/encryption.ts --docs ${DOCS} --pages ${PAGES} --runs ${RUNS}\`, on ${machineLine()}; load average at start ${load} (a shared 2-core machine: other jobs ran beside it). Medians of ${RUNS} runs of each side, alternating plain and encrypted in one process.`,
    `Work: import ${DOCS} generated text PDFs of ${PAGES} pages (${DOCS * PAGES} pages, text layer, layout and extraction), ${QUERIES.length} queries x ${SEARCH_REPS} through search(), and an evidence packet of every document (cover, contents, index, stamped exhibits). Encrypted: SQLCipher 4 (better-sqlite3-multiple-ciphers, raw key), originals and the packet sealed with AES-256-GCM.`,
    '',
    '| Work | CPU plain | CPU encrypted | CPU cost | Wall plain | Wall encrypted | Wall cost |',
    '|---|---|---|---|---|---|---|',
    row('Import', 'importMs', 'importCpu', sec),
    row(`Search (per query, ${SEARCH_REPS} x ${QUERIES.length})`, 'searchMs', 'searchCpu', (n) => `${n.toFixed(2)} ms`),
    row('Packet build', 'packetMs', 'packetCpu', sec),
    '',
    'Per run (plain / encrypted, CPU s): ' + ['importCpu', 'packetCpu'].map((k) => `${k.replace('Cpu', '')} ${results.plain.map((t) => (t[k as keyof Times] / 1000).toFixed(2)).join(', ')} / ${results.encrypted.map((t) => (t[k as keyof Times] / 1000).toFixed(2)).join(', ')}`).join('; ') + '.',
  ];
  console.log(body.join('\n'));
  if (!args.flag('no-write')) writeResultsSection('## Encryption at rest', body);
}

void main();
