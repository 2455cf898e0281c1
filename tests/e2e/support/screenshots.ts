// Where the e2e suites save their screenshots: out/screenshots on every run, so that running the
// tests never changes tracked files; docs/screenshots (the README's pictures) only when asked with
// CASEFILE_UPDATE_SCREENSHOTS=1.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../support/fixtures';

export function screenshotPath(name: string): string {
  const dir = path.join(REPO_ROOT, process.env.CASEFILE_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'out/screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
