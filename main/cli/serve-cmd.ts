import type { Command } from 'commander';
import type { GlobalOptions } from './run';

export function registerServeCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('start the browser host: the app in your browser, on this computer only (127.0.0.1)')
    .option('--port <n>', 'port to listen on (default: any free port)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${v}"`);
      return n;
    })
    .action(async (o: { port?: number }) => {
      // The host (hono, the renderer's files) is loaded only by the command that serves.
      const { startBrowserHost } = await import('../host/start');
      const host = await startBrowserHost({ dataDir: globals().dataDir, port: o.port });
      process.stdout.write(`IEP Casefile is running at ${host.url}\nData folder: ${host.dataDir}\nOpen the address above in your browser. Press Ctrl+C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await host.stop();
    });
}
