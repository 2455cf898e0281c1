// A lock left by a crash is taken over even when its pid now belongs to another running process
// (pids are reused, above all after a reboot): the lock records when its process started and when
// it was written. A lock whose holder is the same live process is still refused.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, bootTime, lockHolderIsAlive, processStartTime } from '../../../main/core/lock';
import { tempDir } from '../../support/core';

const linux = existsSync(`/proc/${process.pid}/stat`);

describe('the data folder lock after a crash', () => {
  let other: ChildProcess;
  beforeAll(() => {
    // Some other program, alive, that never took the lock: a reused pid.
    other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  });
  afterAll(() => void other.kill());

  const lockFile = (dir: string, record: object) => writeFileSync(path.join(dir, 'casefile.lock'), JSON.stringify(record));

  it('records the holder: pid, host, purpose, when it was written and when its process started', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'test');
    const record = JSON.parse(readFileSync(path.join(dir, 'casefile.lock'), 'utf8'));
    expect(record).toMatchObject({ pid: process.pid, host: os.hostname(), purpose: 'test' });
    expect(Date.parse(record.since)).toBeGreaterThan(bootTime());
    if (linux) expect(record.started).toBe(processStartTime(process.pid));
    lock.release();
  });

  it('refuses the folder while the very process that wrote the lock runs', () => {
    const dir = tempDir();
    lockFile(dir, { pid: other.pid, host: os.hostname(), purpose: 'desktop app', since: new Date().toISOString(), started: processStartTime(other.pid!) });
    expect(() => acquireDataDirLock(dir, 'second')).toThrow(/already running .*process \d+/);
  });

  it.runIf(linux)('takes over a lock whose pid now belongs to a process that started at another time', () => {
    const dir = tempDir();
    const started = processStartTime(other.pid!);
    expect(started).toMatch(/^\d+$/);
    const record = { pid: other.pid, host: os.hostname(), purpose: 'desktop app', since: new Date().toISOString(), started: String(Number(started) - 5000) };
    expect(lockHolderIsAlive(record)).toBe(false);
    lockFile(dir, record);
    const lock = acquireDataDirLock(dir, 'after the crash');
    expect(JSON.parse(readFileSync(path.join(dir, 'casefile.lock'), 'utf8')).purpose).toBe('after the crash');
    lock.release();
  });

  it('takes over a lock written before the machine last started, whatever now has its pid', () => {
    const dir = tempDir();
    const record = { pid: other.pid, host: os.hostname(), purpose: 'desktop app', since: new Date(bootTime() - 3_600_000).toISOString() };
    expect(lockHolderIsAlive(record)).toBe(false);
    lockFile(dir, record);
    acquireDataDirLock(dir, 'after the reboot').release();
  });

  it('still honours an older lock without a start time when its holder runs (written by an earlier version)', () => {
    const dir = tempDir();
    lockFile(dir, { pid: other.pid, host: os.hostname(), purpose: 'browser host' });
    expect(() => acquireDataDirLock(dir, 'second')).toThrow(/already running/);
  });
});
