// EngineSupervisor's rules with a stand-in engine (no process): calls wait out a restart, crashes
// past the limit are reported as final, a body cut off by a crash fails instead of ending short.
import { describe, expect, it } from 'vitest';
import { EngineSupervisor, type EngineChild, type EngineStatus, type SupervisorOptions } from '../../../main/engine/supervisor';
import { Credits, receivedBody, sendBody, WINDOW, type FromEngine, type ToEngine } from '../../../main/engine/protocol';
import type { Result } from '../../../shared/errors';

interface FakeEngine extends EngineChild {
  received: ToEngine[];
  send(msg: FromEngine): void;
  die(code: number): void;
}

/** An engine that boots at once and answers 'echo' calls with its generation number. */
function fakeEngines(opts: { bootFails?: (generation: number) => boolean } = {}) {
  const made: FakeEngine[] = [];
  const spawn = (): EngineChild => {
    const generation = made.length + 1;
    let onMessage: (m: FromEngine) => void = () => {};
    let onExit: (code: number | null) => void = () => {};
    let alive = true;
    const engine: FakeEngine = {
      pid: 1000 + generation,
      received: [],
      post(msg) {
        if (!alive) return;
        engine.received.push(msg);
        if (msg.t === 'call' && msg.name === 'echo') queueMicrotask(() => onMessage({ t: 'result', id: msg.id, result: { ok: true, value: generation } }));
        if (msg.t === 'stop') queueMicrotask(() => (onMessage({ t: 'stopped' }), engine.die(0)));
      },
      onMessage: (l) => void (onMessage = l),
      onExit: (l) => void (onExit = l),
      kill: () => engine.die(137),
      send: (m) => onMessage(m),
      die(code) {
        if (!alive) return;
        alive = false;
        queueMicrotask(() => onExit(code));
      },
    };
    made.push(engine);
    setTimeout(() => {
      if (opts.bootFails?.(generation)) engine.die(1);
      else onMessage({ t: 'ready', pid: engine.pid!, recovery: { tempFilesRemoved: 0, orphanBlobsRemoved: 0, jobsRequeued: 0 } });
    }, 5);
    return engine;
  };
  return { made, spawn };
}

function supervisor(engines: ReturnType<typeof fakeEngines>, maxRestarts = 3, holdKey?: SupervisorOptions['holdKey']) {
  const statuses: EngineStatus[] = [];
  const s = new EngineSupervisor({ spawn: engines.spawn, onEvent: () => {}, onStatus: (st) => statuses.push(st), restartDelayMs: 1, maxRestarts, holdKey });
  return { s, statuses };
}

describe('EngineSupervisor', () => {
  it('asked by the engine to restart (a restore changed the key), stops it cleanly and starts another; calls wait for it', async () => {
    const engines = fakeEngines();
    const { s, statuses } = supervisor(engines);
    await s.start();
    engines.made[0].send({ t: 'restart' });
    const next = s.call('echo', null);
    expect(await next).toEqual({ ok: true, value: 2 });
    expect(engines.made[0].received.map((m) => m.t)).toContain('stop');
    expect(engines.made).toHaveLength(2);
    // A restart asked for is no crash: no 'restarting' notice, and it does not count against the limit.
    expect(statuses.map((x) => x.state)).toEqual(['running']);
  });

  it('answers the engine\'s hold-key with the wrapper the main process makes, or with why it cannot', async () => {
    const keys: Buffer[] = [];
    const engines = fakeEngines();
    const { s } = supervisor(engines, 3, (key) => (keys.push(key), { kind: 'safeStorage', wrapped: `wrapped:${key.toString('hex')}` }));
    await s.start();
    engines.made[0].send({ t: 'hold-key', id: 7, key: new Uint8Array([1, 2, 3]) });
    expect(engines.made[0].received.at(-1)).toEqual({ t: 'key-held', id: 7, wrapper: { kind: 'safeStorage', wrapped: 'wrapped:010203' } });
    expect(keys.map((k) => k.toString('hex'))).toEqual(['010203']);

    const without = fakeEngines();
    const bare = supervisor(without);
    await bare.s.start();
    without.made[0].send({ t: 'hold-key', id: 1, key: new Uint8Array([9]) });
    expect(without.made[0].received.at(-1)).toMatchObject({ t: 'key-held', id: 1, error: { code: 'unauthorized', message: expect.stringMatching(/casefile restore FILE --replace/) } });
  });

  it('answers a call in flight at a crash with an error, and the next call from the restarted engine', async () => {
    const engines = fakeEngines();
    const { s, statuses } = supervisor(engines);
    await s.start();
    expect(await s.call('echo', null)).toEqual({ ok: true, value: 1 });
    const inFlight = s.call('slow', null); // the engine never answers it
    await new Promise((r) => setTimeout(r, 1));
    engines.made[0].die(139);
    expect(((await inFlight) as Result<unknown> & { ok: false }).error.message).toMatch(/stopped unexpectedly and is restarting/);
    expect(await s.call('echo', null)).toEqual({ ok: true, value: 2 });
    expect(statuses.map((x) => x.state)).toEqual(['restarting', 'running']);
  });

  it('stops restarting after too many crashes in a minute, and says so', async () => {
    const engines = fakeEngines();
    const { s, statuses } = supervisor(engines, 2);
    await s.start();
    for (let i = 0; i < 3; i++) {
      await s.whenReady();
      engines.made[engines.made.length - 1].die(139);
      await new Promise((r) => setTimeout(r, 20));
    }
    await expect(s.whenReady()).rejects.toThrow(/stopped 3 times in a minute/);
    expect(statuses.at(-1)).toMatchObject({ state: 'failed' });
    const r = (await s.call('echo', null)) as Result<unknown> & { ok: false };
    expect(r.error.message).toMatch(/Close and reopen/);
    expect(engines.made).toHaveLength(3);
  });

  it('reports a restart that cannot boot as failed', async () => {
    const engines = fakeEngines({ bootFails: (g) => g > 1 });
    const { s, statuses } = supervisor(engines);
    await s.start();
    engines.made[0].die(139);
    await new Promise((r) => setTimeout(r, 1)); // the exit is seen
    await expect(s.whenReady()).rejects.toThrow(/exited with code 1 while starting/);
    expect(statuses.map((x) => x.state)).toEqual(['restarting', 'failed']);
  });

  it('streams a response body as it comes, and fails it if the engine dies before its end', async () => {
    const engines = fakeEngines();
    const { s } = supervisor(engines);
    await s.start();
    const pending = s.fetch(new Request('app://casefile/api/original?doc=x'));
    await new Promise((r) => setTimeout(r, 1));
    const engine = engines.made[0];
    const ask = engine.received.find((m) => m.t === 'fetch') as Extract<ToEngine, { t: 'fetch' }>;
    expect(ask).toMatchObject({ method: 'GET', url: 'app://casefile/api/original?doc=x', hasBody: false });
    engine.send({ t: 'response', id: ask.id, status: 200, headers: [['content-type', 'application/pdf']], hasBody: true });
    const res = await pending;
    engine.send({ t: 'chunk', id: ask.id, chunk: new Uint8Array([1, 2, 3]) });
    const reader = res.body!.getReader();
    expect(Array.from((await reader.read()).value!)).toEqual([1, 2, 3]);
    engine.die(139);
    await expect(reader.read()).rejects.toThrow(/stopped unexpectedly/);
  });

  it('sends a request body to the engine in chunks, then its end', async () => {
    const engines = fakeEngines();
    const { s } = supervisor(engines);
    await s.start();
    const big = new Uint8Array(2.5 * 1024 * 1024).fill(7);
    void s.fetch(new Request('app://casefile/api/upload', { method: 'POST', body: big }));
    await new Promise((r) => setTimeout(r, 50));
    const got = engines.made[0].received.filter((m) => m.t === 'body') as Extract<ToEngine, { t: 'body' }>[];
    expect(got.every((m) => m.chunk.length <= 1024 * 1024)).toBe(true);
    expect(got.reduce((n, m) => n + m.chunk.length, 0)).toBe(big.length);
    expect(engines.made[0].received.at(-1)).toMatchObject({ t: 'body-end' });
  });

  it('keeps at most a window of request-body chunks unread by the engine, and sends more as they are read', async () => {
    const engines = fakeEngines();
    const { s } = supervisor(engines);
    await s.start();
    const big = new Uint8Array(10 * 1024 * 1024).fill(3);
    void s.fetch(new Request('app://casefile/api/upload', { method: 'POST', body: big }));
    const bodies = () => engines.made[0].received.filter((m) => m.t === 'body') as Extract<ToEngine, { t: 'body' }>[];
    await new Promise((r) => setTimeout(r, 50));
    expect(bodies()).toHaveLength(WINDOW);
    const ask = engines.made[0].received.find((m) => m.t === 'fetch') as Extract<ToEngine, { t: 'fetch' }>;
    engines.made[0].send({ t: 'ack', id: ask.id });
    engines.made[0].send({ t: 'ack', id: ask.id });
    await new Promise((r) => setTimeout(r, 50));
    expect(bodies()).toHaveLength(WINDOW + 2);
    for (let i = 0; i < 10; i++) engines.made[0].send({ t: 'ack', id: ask.id });
    await new Promise((r) => setTimeout(r, 50));
    expect(bodies().reduce((n, m) => n + m.chunk.length, 0)).toBe(big.length);
    expect(engines.made[0].received.at(-1)).toMatchObject({ t: 'body-end' });
  });

  it('acknowledges a response chunk only when the reader takes it', async () => {
    const engines = fakeEngines();
    const { s } = supervisor(engines);
    await s.start();
    const pending = s.fetch(new Request('app://casefile/api/packet-file?job=1'));
    await new Promise((r) => setTimeout(r, 1));
    const engine = engines.made[0];
    const ask = engine.received.find((m) => m.t === 'fetch') as Extract<ToEngine, { t: 'fetch' }>;
    engine.send({ t: 'response', id: ask.id, status: 200, headers: [], hasBody: true });
    const res = await pending;
    for (let i = 0; i < 3; i++) engine.send({ t: 'chunk', id: ask.id, chunk: new Uint8Array([i]) });
    const acks = () => engine.received.filter((m) => m.t === 'ack').length;
    await new Promise((r) => setTimeout(r, 20));
    expect(acks()).toBe(0);
    const reader = res.body!.getReader();
    expect(Array.from((await reader.read()).value!)).toEqual([0]);
    expect(acks()).toBe(1);
    await reader.read();
    await reader.read();
    expect(acks()).toBe(3);
    engine.send({ t: 'end', id: ask.id });
    expect((await reader.read()).done).toBe(true);
  });

  it('a sender stops at the window while its reader is slow, and never holds more than the window in the queue', async () => {
    const credits = new Credits();
    let read = 0;
    const received = receivedBody(() => (read++, credits.give()));
    const source = new Uint8Array(20 * 1024 * 1024).fill(9);
    let sent = 0;
    let mostUnread = 0;
    const done = sendBody(new Response(source).body, (chunk) => {
      sent++;
      mostUnread = Math.max(mostUnread, sent - read);
      received.push(chunk);
    }, credits).then(() => received.end());
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toBe(WINDOW);
    let total = 0;
    for await (const chunk of received.stream as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      await new Promise((r) => setTimeout(r, 1));
    }
    await done;
    expect(total).toBe(source.length);
    expect(mostUnread).toBeLessThanOrEqual(WINDOW);
  });

  it('a sender waiting for room stops when the receiver goes away', async () => {
    const credits = new Credits(1);
    const sent: Uint8Array[] = [];
    const done = sendBody(new Response(new Uint8Array(3 * 1024 * 1024)).body, (c) => sent.push(c), credits);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(1);
    credits.close();
    await expect(done).rejects.toThrow(/went away/);
  });
});
