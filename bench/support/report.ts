// Shared pieces of the benchmark reports: the machine, percentiles, and writing one section of
// bench/RESULTS.md without touching the sections other benchmarks own.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_FILE = path.join(REPO_ROOT, 'bench', 'RESULTS.md');

export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export const loadAverage = () => os.loadavg()[0].toFixed(1);

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

export interface CliArgs {
  flag(name: string): boolean;
  value(name: string): string | undefined;
}

export function cliArgs(argv = process.argv.slice(2)): CliArgs {
  return {
    flag: (name) => argv.includes(`--${name}`),
    value: (name) => {
      const i = argv.indexOf(`--${name}`);
      return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    },
  };
}

/**
 * Replaces the section that starts with `heading` (up to the next "## ") in RESULTS.md, or
 * appends it; every other section is left byte for byte.
 */
export function writeResultsSection(heading: string, body: string[]): void {
  const section = [heading, '', ...body, ''].join('\n');
  let text = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : '# Benchmark results\n';
  const start = text.search(new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'));
  if (start < 0) text = `${text.trimEnd()}\n\n${section}`;
  else {
    const end = text.indexOf('\n## ', start + 1);
    text = text.slice(0, start) + section + (end >= 0 ? text.slice(end + 1) : '');
  }
  writeFileSync(RESULTS_FILE, text);
  console.log(`wrote ${heading} to ${path.relative(REPO_ROOT, RESULTS_FILE)}`);
}
