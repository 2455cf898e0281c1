// electron-builder.yml: valid for the electron-builder in package.json, building AppImage, deb,
// NSIS and DMG; and what it packs runs. Without the Electron download, a stand-in Electron
// folder (electronDist) lets electron-builder lay out a real Linux app folder: the native modules
// must sit outside app.asar, tessdata in resources, and the engine bundle, extracted from the
// archive with those unpacked files beside it, must serve the app's calls and byte routes.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/fixtures';
import { tempDir } from '../../support/core';
import { scanPdf, typesetPages } from '../../support/synthetic-scan';
import { checkEngineServes, engineHarness, importDone, stopEngines, uploadAndImport } from './engine-harness';

const require = createRequire(import.meta.url);
afterEach(stopEngines);

interface BuilderConfig {
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util/out/DebugLogger.js');
  const config = await getConfig(REPO_ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false)); // throws on anything off-schema
  return config as BuilderConfig;
}

function findFiles(dir: string, test: (name: string) => boolean, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(p, test, out);
    else if (test(e.name)) out.push(p);
  }
  return out;
}

describe('the installers', () => {
  it('are configured for AppImage, deb, NSIS and DMG, with native modules unpacked and tessdata in resources', async () => {
    const config = await loadConfig();
    expect([config.linux.target, config.win.target, config.mac.target]).toEqual([['AppImage', 'deb'], ['nsis'], ['dmg']]);
    for (const pkg of ['better-sqlite3', 'sharp', '@img', '@napi-rs/canvas']) expect(config.asarUnpack.join(' '), pkg).toContain(pkg.replace('/canvas', '/canvas*'));
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources', filter: expect.arrayContaining(['tessdata/**']) }));
  });

  it('pack an app folder whose engine runs from what was packed', async () => {
    const build = (args: string[]) => {
      const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(r.status, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
    };
    build(['scripts/build-electron.mjs']);
    if (!existsSync(path.join(REPO_ROOT, 'out/renderer/index.html'))) build(['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
    const fakeElectron = tempDir('fake-electron-');
    // With Electron's fuse wire (sentinel, version 1, 8 fuses at Electron's defaults) for the builder to flip.
    const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    writeFileSync(path.join(fakeElectron, 'electron'), `#!/bin/sh\n# ${SENTINEL}\x01\x0810110001\n`, 'latin1');
    chmodSync(path.join(fakeElectron, 'electron'), 0o755);
    const output = tempDir('release-');
    // No native rebuild: that needs Electron's headers from the network; the modules stay built for this Node.
    build(['node_modules/electron-builder/cli.js', '--linux', 'dir', `-c.electronDist=${fakeElectron}`, '-c.npmRebuild=false', `-c.directories.output=${output}`]);

    // The fuses of electron-builder.yml: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off; cookie encryption, asar integrity, app.asar only on.
    const wire = readFileSync(path.join(output, 'linux-unpacked', 'iep-casefile'), 'latin1');
    expect(wire.slice(wire.indexOf(SENTINEL) + SENTINEL.length + 2, wire.indexOf(SENTINEL) + SENTINEL.length + 10)).toBe('01001100');
    const resources = path.join(output, 'linux-unpacked/resources');
    const unpacked = path.join(resources, 'app.asar.unpacked');
    const natives = findFiles(unpacked, (n) => n.endsWith('.node')).map((f) => path.relative(unpacked, f));
    expect(natives).toEqual(expect.arrayContaining([expect.stringMatching(/better-sqlite3\/.*better_sqlite3\.node$/), expect.stringMatching(/@img\/sharp-.*\.node$/), expect.stringMatching(/@napi-rs\/canvas-.*\.node$/)]));
    expect(existsSync(path.join(resources, 'resources/tessdata/eng.traineddata.gz'))).toBe(true);

    // Plain Node cannot read app.asar: extract it and lay the unpacked files over it, as Electron sees them.
    const app = path.join(tempDir('packed-app-'), 'app');
    build(['node_modules/@electron/asar/bin/asar.js', 'extract', path.join(resources, 'app.asar'), app]);
    cpSync(unpacked, app, { recursive: true });
    for (const f of ['main.cjs', 'preload.cjs', 'engine.cjs', 'packet-worker.cjs']) expect(existsSync(path.join(app, 'out/main', f)), f).toBe(true);
    expect(existsSync(path.join(app, 'out/renderer/index.html'))).toBe(true);
    // Electron starts what package.json's main names; CommonJS must say so in a "type": "module" package.
    const pkg = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as { main: string; type?: string };
    expect(pkg.main).toBe('out/main/main.cjs');
    expect(existsSync(path.join(app, pkg.main))).toBe(true);
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    const h = engineHarness(path.join(app, 'out/main/engine.cjs'), dataDir, [`--resources-dir=${path.join(resources, 'resources')}`]);
    await checkEngineServes(h);

    // OCR from the packed tree: tesseract.js's worker and wasm core, tessdata from resources.
    const [scan] = await scanPdf(await typesetPages([{ title: 'PRIOR WRITTEN NOTICE', lines: ['The district proposes to change the placement.'], fontSize: 14 }]), 200, () => ({}));
    const { id: caseId } = await h.call<{ id: string }>('cases.create', { name: 'Packed OCR' });
    const batch = await uploadAndImport(h, caseId, [{ name: 'scan.png', bytes: scan.png }]);
    await importDone(h, batch.jobId);
    let doc = (await h.call<{ id: string; status: string }[]>('documents.list', { caseId }))[0];
    while (doc.status !== 'ready' && doc.status !== 'failed') {
      await new Promise((r) => setTimeout(r, 200));
      doc = await h.call('documents.get', { documentId: doc.id });
    }
    expect(doc.status).toBe('ready');
    const [page] = await h.call<{ text: string }[]>('documents.pages', { documentId: doc.id });
    expect(page.text).toMatch(/WRITTEN NOTICE/);
  });
});
