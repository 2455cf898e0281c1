// Peak resident memory of a child process tree, sampled from /proc (Linux). Worker threads share
// their process's memory, so a process and its descendants cover everything the child uses.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

function descendants(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const task of readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').split(/\s+/).filter(Boolean)) out.push(Number(task));
    } catch {
      // gone
    }
  }
  return out;
}

export interface MeasuredRun {
  code: number | null;
  wallMs: number;
  /** Largest sum of VmRSS over the process tree seen while polling. */
  peakTreeRssMb: number;
  /** Largest VmHWM (the kernel's own high-water mark) of any process in the tree. */
  peakHwmMb: number;
  /** GNU time's "Maximum resident set size" when /usr/bin/time is present, else null. */
  timeMaxRssMb: number | null;
  /** User + system CPU seconds from GNU time, else null (wall time swings on a shared machine). */
  cpuSeconds: number | null;
  stdout: string;
  stderr: string;
  /** Tree RSS over time: [seconds since start, MB]. */
  samples: [number, number][];
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command and samples its tree's resident memory every `intervalMs` until it exits. */
export function runMeasured(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; intervalMs?: number; onSample?: (s: [number, number]) => void } = {}): Promise<MeasuredRun> {
  const withTime = existsSync(GNU_TIME);
  const spawnOptions = { cwd: options.cwd, env: options.env ? { ...process.env, ...options.env } : undefined };
  const child = withTime ? spawn(GNU_TIME, ['-v', command, ...args], spawnOptions) : spawn(command, args, spawnOptions);
  const started = performance.now();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peakTree = 0;
  let peakHwm = 0;
  const samples: [number, number][] = [];
  const sample = () => {
    if (!child.pid) return;
    // Under GNU time the measured program is time's child; time itself is a megabyte or two.
    const tree = descendants(child.pid);
    let sum = 0;
    for (const pid of tree) {
      sum += statusKb(pid, 'VmRSS');
      peakHwm = Math.max(peakHwm, statusKb(pid, 'VmHWM'));
    }
    peakTree = Math.max(peakTree, sum);
    const s: [number, number] = [(performance.now() - started) / 1000, sum / 1024];
    samples.push(s);
    options.onSample?.(s);
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  return new Promise((resolve, reject) => {
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const m = stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
      const user = stderr.match(/User time \(seconds\): ([\d.]+)/);
      const system = stderr.match(/System time \(seconds\): ([\d.]+)/);
      resolve({
        code,
        wallMs: performance.now() - started,
        peakTreeRssMb: peakTree / 1024,
        peakHwmMb: peakHwm / 1024,
        timeMaxRssMb: m ? Number(m[1]) / 1024 : null,
        cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : null,
        stdout,
        stderr,
        samples,
      });
    });
  });
}
