// vitest globalSetup: the tests run `casefile` as a user does, from its bundle (out/cli), so the
// bundle is brought up to date with the sources once before any test starts, rather than by the
// first test's command (or by several at once, in parallel forks). A no-op when it is current.
import { cliBundleState } from '../../scripts/cli-bundle.mjs';

export default async function buildCliOnce() {
  if (cliBundleState() === 'fresh') return;
  const { buildCli } = await import('../../scripts/build-cli.mjs');
  await buildCli();
}
