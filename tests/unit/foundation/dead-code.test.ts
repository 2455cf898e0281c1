// The dead-code gate (knip, run by `npm run lint` with knip.ts) fails on a planted unused file, an
// unused export and an unused dependency. It runs on a copy of the project's sources (node_modules
// linked), so nothing is planted in the working tree.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/core';

const root = path.resolve(import.meta.dirname, '../../..');
const SOURCES = ['bin', 'bench', 'main', 'renderer', 'scripts', 'shared', 'tests', 'knip.ts', 'package.json', 'tsconfig.json', 'vitest.config.ts', 'vitest.e2e.config.ts', 'eslint.config.js'];

interface KnipReport {
  issues: Array<{ file: string; files?: unknown; dependencies?: Array<{ name: string }>; exports?: Array<{ name: string }> }>;
}

describe('dead-code gate', () => {
  it('fails on an unused file, an unused export and an unused dependency, naming each', () => {
    const copy = tempDir('knip-');
    for (const entry of SOURCES) cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    writeFileSync(path.join(copy, 'shared/zz-planted-unused.ts'), 'export const plantedNobodyImports = 1;\n');
    writeFileSync(path.join(copy, 'shared/timeline/stats.ts'), `${readFileSync(path.join(copy, 'shared/timeline/stats.ts'), 'utf8')}\nexport const plantedUnusedExport = 2;\n`);
    const pkg = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    pkg.dependencies['fflate-planted-unused'] = '1.0.0';
    writeFileSync(path.join(copy, 'package.json'), JSON.stringify(pkg, null, 2));

    const knip = path.join(root, 'node_modules/knip/bin/knip.js');
    const run = spawnSync(process.execPath, [knip, '--no-progress', '--reporter', 'json'], { cwd: copy, encoding: 'utf8', timeout: 300_000 });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as KnipReport;
    const files = report.issues.filter((i) => (Array.isArray(i.files) ? i.files.length : i.files)).map((i) => i.file);
    expect(files).toContain('shared/zz-planted-unused.ts');
    const exports = report.issues.flatMap((i) => (i.exports ?? []).map((e) => `${i.file}:${e.name}`));
    expect(exports).toContain('shared/timeline/stats.ts:plantedUnusedExport');
    const deps = report.issues.flatMap((i) => (i.dependencies ?? []).map((d) => d.name));
    expect(deps).toContain('fflate-planted-unused');
    // What the project itself uses is not reported with them.
    expect(deps).not.toContain('zod');
    expect(exports.filter((e) => e.startsWith('shared/timeline/stats.ts:'))).toEqual(['shared/timeline/stats.ts:plantedUnusedExport']);
  });

  it('is part of npm run lint', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.lint).toMatch(/\bknip\b/);
  });
});
