/**
 * Playing Slack against a server: send `/plan <text>` and time it until the person would
 * see the answer.
 *
 *   ack over HTTP      a signed POST; the answer is the HTTP reply's body
 *   ack over a socket  an envelope on the Socket Mode WebSocket; the answer is the ack's payload
 *   response_url       a signed POST acked empty; the answer is the POST the server then makes
 *                      to the response_url (on a Web API stand-in of its own)
 *
 * Every answer is compared with the one expected (plan-bot's own bytes), so a server that
 * answered something else, or nothing, is counted, not timed as if it had answered.
 */
import { Agent, request } from 'node:http';
import { signSlackRequest, slashCommandBody } from '../test/support/signed-request.ts';
import type { SlackApiStandIn } from '../test/support/slack-api-stand-in.ts';
import { slashCommandEnvelope, type SocketModeConnection } from '../test/support/socket-mode-server.ts';
import type { BenchServer } from './servers.ts';
import { SIGNING_SECRET } from './servers.ts';

/** One request: resolves with its latency in ms and the answer as JSON text. */
export type Ask = (text: string) => Promise<{ ms: number; answer: string }>;

const UNUSED_RESPONSE_URL = 'http://127.0.0.1:9/respond/unused';

export function askOverHttp(server: BenchServer): Ask {
  const url = new URL(server.url!);
  // node:http with kept-alive sockets rather than fetch: the driver's own work (fetch's streams,
  // timers and objects) landed in the latency of whichever server it was waiting on.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  return (text) => {
    const body = slashCommandBody({ text, response_url: UNUSED_RESPONSE_URL });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(SIGNING_SECRET, timestamp, body),
    };
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - started;
          if (res.statusCode !== 200) reject(new Error(`${server.name}: HTTP ${res.statusCode}`));
          else resolve({ ms, answer: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  };
}

/** The way Slack reaches a server in `mode`: a signed POST, or an envelope on its WebSocket. */
export function askOver(mode: 'http' | 'socket', server: BenchServer): Ask {
  return mode === 'http' ? askOverHttp(server) : askOverSocket(server);
}

let envelopes = 0;

export function askOverSocket(server: BenchServer): Ask {
  const connection: SocketModeConnection = server.connection!;
  return async (text) => {
    const id = `bench-${++envelopes}`;
    const payload = Object.fromEntries(new URLSearchParams(slashCommandBody({ text, response_url: UNUSED_RESPONSE_URL })));
    const started = performance.now();
    const acked = connection.waitForMessage((m: { envelope_id?: string }) => m.envelope_id === id, 15_000);
    connection.send(slashCommandEnvelope(id, payload));
    const ack = (await acked) as { payload?: unknown };
    const ms = performance.now() - started;
    // The stand-in keeps every message; a run's worth is plenty to look through.
    if (connection.received.length > 2000) connection.received.length = 0;
    return { ms, answer: JSON.stringify(ack.payload ?? null) };
  };
}

/** Acked empty, answered on the response_url: timed until that answer arrives. */
export function askThroughResponseUrl(server: BenchServer, standIn: SlackApiStandIn): Ask {
  const url = server.url!;
  const waiting = new Map<string, (answer: string) => void>();
  let seen = 0;
  let sent = 0;
  // One reader of arrivals, whichever request they belong to (8 may be in flight).
  const readArrivals = async () => {
    for (;;) {
      const call = await standIn.waitForCall('response_url', { count: ++seen, timeoutMs: 24 * 3600_000 });
      const id = decodeURIComponent(call.path.slice('/respond/'.length));
      waiting.get(id)?.(JSON.stringify(call.body));
      waiting.delete(id);
    }
  };
  void readArrivals();
  return async (text) => {
    const id = `floor-${++sent}`;
    const body = slashCommandBody({ text, response_url: standIn.responseUrl(id) });
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const arrived = new Promise<string>((resolve) => waiting.set(id, resolve));
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackRequest(SIGNING_SECRET, timestamp, body),
      },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${server.name}: HTTP ${res.status}`);
    const answer = await arrived;
    return { ms: performance.now() - started, answer };
  };
}

export interface Measured {
  /** Latency of each request, ms. */
  samples: number[];
  seconds: number;
  /** Answers that were not the expected bytes (or failed). */
  wrong: number;
}

/** `count` requests one after another: latency with nothing else going on. */
export async function sequential(ask: Ask, text: string, expected: (answer: string) => boolean, count: number): Promise<Measured> {
  const samples: number[] = [];
  let wrong = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const { ms, answer } = await ask(text).catch(() => ({ ms: Number.NaN, answer: '' }));
    if (!expected(answer)) wrong++;
    else samples.push(ms);
  }
  return { samples, seconds: (performance.now() - started) / 1000, wrong };
}

/**
 * `count` requests to each server, one at a time and taking turns (A, B, A, B…; who goes first
 * alternates too): the latency of each against the other's, with whatever else the machine does
 * falling on both alike rather than on whichever block of requests it happened to hit.
 */
export async function interleaved(
  asks: readonly Ask[],
  text: string,
  expected: (answer: string) => boolean,
  count: number,
): Promise<Measured[]> {
  const results = asks.map(() => ({ samples: [] as number[], seconds: 0, wrong: 0 }));
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < asks.length; k++) {
      const turn = i % 2 === 0 ? k : asks.length - 1 - k;
      const result = results[turn]!;
      const started = performance.now();
      const { ms, answer } = await asks[turn]!(text).catch(() => ({ ms: Number.NaN, answer: '' }));
      result.seconds += (performance.now() - started) / 1000;
      if (!expected(answer)) result.wrong++;
      else result.samples.push(ms);
    }
  }
  return results;
}

/**
 * Each server loaded with `concurrency` in flight for `turns` turns of `turnSeconds` each
 * (A B B A A B…): throughput needs each server loaded on its own, and short turns in a balanced
 * order let a busy moment of the machine fall on both rather than on one. Turns are timed, not
 * counted, so they last as long on a fast machine as on a slow one: counted turns of 2,000
 * requests lasted 0.4 s on one VM and 0.17 s on the next, where one busy moment moved a run's
 * req/s ratio to ×0.66.
 */
export async function loadedInTurns(
  asks: readonly Ask[],
  text: string,
  expected: (answer: string) => boolean,
  turnSeconds: number,
  concurrency: number,
  turns: number,
): Promise<Measured[]> {
  const results = asks.map(() => ({ samples: [] as number[], seconds: 0, wrong: 0 }));
  for (let turn = 0; turn < turns; turn++) {
    const order = asks.map((_, k) => k);
    if (turn % 2 === 1) order.reverse();
    for (const k of order) {
      const m = await loadedFor(asks[k]!, text, expected, turnSeconds, concurrency);
      const result = results[k]!;
      result.samples.push(...m.samples);
      result.seconds += m.seconds;
      result.wrong += m.wrong;
    }
  }
  return results;
}

/** A closed loop with `concurrency` requests in flight: throughput, and latency under load. */
export function loaded(
  ask: Ask,
  text: string,
  expected: (answer: string) => boolean,
  count: number,
  concurrency: number,
): Promise<Measured> {
  let issued = 0;
  return closedLoop(ask, text, expected, concurrency, () => issued++ < count);
}

/**
 * As `loaded`, for `seconds` rather than a number of requests: no request starts after the
 * deadline, and the time runs until the last one in flight has answered.
 */
export function loadedFor(
  ask: Ask,
  text: string,
  expected: (answer: string) => boolean,
  seconds: number,
  concurrency: number,
): Promise<Measured> {
  const deadline = performance.now() + seconds * 1000;
  return closedLoop(ask, text, expected, concurrency, () => performance.now() < deadline);
}

async function closedLoop(
  ask: Ask,
  text: string,
  expected: (answer: string) => boolean,
  concurrency: number,
  another: () => boolean,
): Promise<Measured> {
  const samples: number[] = [];
  let wrong = 0;
  const started = performance.now();
  const worker = async () => {
    while (another()) {
      const { ms, answer } = await ask(text).catch(() => ({ ms: Number.NaN, answer: '' }));
      if (!expected(answer)) wrong++;
      else samples.push(ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { samples, seconds: (performance.now() - started) / 1000, wrong };
}
