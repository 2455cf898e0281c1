// Restore memory (issue 17): peak resident memory of `casefile restore` on a backup holding one
// large original (random bytes, so nothing compresses) beside an engine-made database. The restore
// runs in a child process measured from /proc and by GNU time.
// Run: npx tsx bench/restore-memory.ts [--mb 100] [--cli bin/casefile.mjs] [--keep FILE]
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { backupDataFolder } from '../main/core/backup/backup';
import { bootEngine } from '../main/engine/boot';
import { runMeasured } from './support/memory';
import { REPO_ROOT, cliArgs, loadAverage, machineLine } from './support/report';

const args = cliArgs();
const sizeMb = Number(args.value('mb') ?? 100);
const cli = path.resolve(args.value('cli') ?? path.join(REPO_ROOT, 'bin', 'casefile.mjs'));
const PASS = 'bench restore memory';

async function makeBackup(file: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'casefile-bench-restore-src-'));
  const engine = bootEngine({ dataDir, purpose: 'test' });
  try {
    await engine.registry.call('cases.create' as never, { name: 'Restore bench' } as never, { core: engine.core, transport: 'cli' });
    const big = path.join(dataDir, '..', `casefile-bench-big-${process.pid}.bin`);
    // Written a megabyte at a time: the generator holds no copy of it either.
    for (let i = 0; i < sizeMb; i++) writeFileSync(big, randomBytes(2 ** 20), { flag: i ? 'a' : 'w' });
    engine.core.blobs.putFile(big);
    rmSync(big);
    backupDataFolder(engine.core, file, PASS);
  } finally {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  process.env.CASEFILE_PASSPHRASE ??= 'bench-restore-memory';
  const file = args.value('keep') ?? path.join(os.tmpdir(), `casefile-bench-restore-${sizeMb}mb.casefile-backup`);
  if (!existsSync(file)) await makeBackup(file);
  const target = mkdtempSync(path.join(os.tmpdir(), 'casefile-bench-restore-to-'));
  rmSync(target, { recursive: true });
  console.log(`restore memory: ${machineLine()}; load ${loadAverage()}; backup ${(statSync(file).size / 2 ** 20).toFixed(1)} MB; cli ${cli}`);
  const run = await runMeasured(process.execPath, [cli, '--data-dir', target, 'restore', file, '--json'], { env: { CASEFILE_BACKUP_PASSPHRASE: PASS } });
  rmSync(target, { recursive: true, force: true });
  if (run.code !== 0) throw new Error(`restore failed: ${run.stderr}`);
  const peak = Math.max(run.peakTreeRssMb, run.peakHwmMb, run.timeMaxRssMb ?? 0);
  console.log(`peak RSS ${Math.round(peak)} MB (tree ${Math.round(run.peakTreeRssMb)}, HWM ${Math.round(run.peakHwmMb)}, time ${run.timeMaxRssMb ?? 'n/a'}), CPU ${run.cpuSeconds?.toFixed(1) ?? 'n/a'} s, wall ${(run.wallMs / 1000).toFixed(1)} s`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
