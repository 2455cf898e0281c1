// The engine process's entry: Electron starts it with utilityProcess.fork (messages on
// process.parentPort), a test with child_process.fork (messages on process.send, 'advanced'
// serialization so bytes stay bytes). Arguments: --data-dir=DIR [--resources-dir=DIR].
import { serveEngine } from './serve';
import type { FromEngine, Port, ToEngine } from './protocol';

interface ParentPort {
  postMessage(msg: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** The channel to the parent, and a promise that every message posted so far has left. */
function parentChannel(): Port<ToEngine, FromEngine> & { flushed(): Promise<void> } {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (l) => parentPort.on('message', (e) => l(e.data as ToEngine)),
      flushed: () => new Promise((r) => setTimeout(r, 50)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The engine runs as a child process: start it with utilityProcess.fork or child_process.fork.');
  let last = Promise.resolve();
  return {
    post: (m) => void (last = new Promise((r) => send(m, undefined, undefined, () => r()))),
    onMessage: (l) => process.on('message', (m) => l(m as ToEngine)),
    flushed: () => last,
  };
}

const dataDir = arg('data-dir');
if (!dataDir) {
  console.error('engine: --data-dir=DIR is required');
  process.exit(2);
}
const channel = parentChannel();
// The last reply ('stopped' or 'failed') leaves before the process does.
serveEngine(channel, { dataDir, purpose: 'desktop app', resourcesDir: arg('resources-dir') }, (code) => void channel.flushed().then(() => process.exit(code)));
