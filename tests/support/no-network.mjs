// Preload (node --import) that makes every outbound network attempt fail and records it.
// Worker threads inherit execArgv, so this also runs inside each worker; every thread appends
// to the log file named by NO_NETWORK_LOG, one JSON object per line:
//   {"event":"loaded","thread":N}        this guard is active in thread N
//   {"event":"blocked","thread":N,"api":"net.Socket.connect","target":"..."}
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { threadId } from 'node:worker_threads';

const logFile = process.env.NO_NETWORK_LOG;
const record = (entry) => {
  if (logFile) appendFileSync(logFile, JSON.stringify({ ...entry, thread: threadId }) + '\n');
};
const describe = (args) => {
  try {
    return JSON.stringify(args, (_k, v) => (typeof v === 'function' ? undefined : v)).slice(0, 200);
  } catch {
    return String(args[0]).slice(0, 200);
  }
};
const refuse = (api, args) => {
  record({ event: 'blocked', api, target: describe(args) });
  const error = new Error(`network access blocked by no-network guard: ${api}`);
  error.code = 'ECONNREFUSED';
  return error;
};

// Local IPC (unix sockets, named pipes) is not network: allow it.
const isLocalIpc = (args) => {
  // net.connect() hands Socket#connect its normalised arguments as one array: [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'string' && Number.isNaN(Number(first))) return true;
  if (first && typeof first === 'object' && !Array.isArray(first) && typeof first.path === 'string') return true;
  return false;
};

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  if (isLocalIpc(args)) return originalConnect.apply(this, args);
  const error = refuse('net.Socket.connect', args);
  process.nextTick(() => this.destroy(error));
  return this;
};
for (const api of ['request', 'get']) {
  http[api] = (...args) => {
    throw refuse(`http.${api}`, args);
  };
  https[api] = (...args) => {
    throw refuse(`https.${api}`, args);
  };
}
tls.connect = (...args) => {
  throw refuse('tls.connect', args);
};
for (const api of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  const blocked = (...args) => {
    const cb = args.find((a) => typeof a === 'function');
    const error = refuse(`dns.${api}`, args);
    if (cb) process.nextTick(() => cb(error));
    else throw error;
  };
  dns[api] = blocked;
  if (dns.promises?.[api]) dns.promises[api] = async (...args) => Promise.reject(refuse(`dns.promises.${api}`, args));
}
globalThis.fetch = async (input) => {
  throw refuse('fetch', [typeof input === 'string' ? input : String(input?.url ?? input)]);
};

record({ event: 'loaded' });
