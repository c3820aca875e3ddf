/**
 * plan-bot against the framework's floor, end to end on loopback.
 *
 * Two server processes (bench/http-server.ts): the real app and a bare Bolt app that
 * answers a constant. This process signs `/plan 13` requests the way Slack does, posts
 * them to each, and hosts the Web API stand-in whose response_url receives the answer.
 * A request's latency runs from the POST until its answer reaches the response_url —
 * Bolt acks before the listener's work (processBeforeResponse is false), so the HTTP
 * reply alone would hide exactly the work being measured.
 *
 * Runs alternate between the two servers in ABBA order, so machine noise and drift fall
 * on both alike.
 *
 *   npx tsx bench/http.ts
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHILD_NODE_FLAGS, sibling } from './runtime.ts';
import { signSlackRequest, slashCommandBody } from '../test/support/signed-request.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../test/support/slack-api-stand-in.ts';
import type { ServerKind, ServerMessage } from './http-server.ts';
import { markdownTable, mb, ms, summarise, type Summary } from './stats.ts';

const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-0000-0000';
const TEXT = '13';

export interface HttpBenchOptions {
  /** Sequential requests per server in each latency run. */
  latencyRunSize?: number;
  /** Latency runs per server (ABBA order). */
  latencyRuns?: number;
  /** Concurrent requests in flight during the throughput runs. */
  concurrency?: number;
  throughputRunSize?: number;
  throughputRuns?: number;
  warmup?: number;
  log?: (line: string) => void;
}

export interface ServerFigures {
  latency: Summary;
  /** Time to Bolt's HTTP 200 (the ack), for comparison. */
  ack: Summary;
  /** Under `concurrency` requests in flight. */
  loaded: Summary;
  requestsPerSecond: number;
  /** Replies other than 200. */
  errors: number;
  maxRssBytes: number;
  /** process.memoryUsage() after the runs. */
  memoryAfter: NodeJS.MemoryUsage;
}

export interface Ratio {
  p50: number;
  p99: number;
  loadedP50: number;
  loadedP99: number;
  rps: number;
}

export interface HttpBench {
  planBot: ServerFigures;
  uncached: ServerFigures;
  floor: ServerFigures;
  ratio: Ratio;
  uncachedRatio: Ratio;
  options: Required<Omit<HttpBenchOptions, 'log'>>;
  answerBytes: number;
  logErrors: string[];
  markdown: string;
  mustMet: boolean;
}

const SERVER = sibling('http-server');
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Server {
  kind: ServerKind;
  child: ChildProcess;
  url: string;
  stderr: string[];
}

async function startServer(kind: ServerKind, env: Record<string, string>): Promise<Server> {
  const child = fork(SERVER, [kind], {
    cwd: REPO_ROOT,
    execArgv: [...CHILD_NODE_FLAGS],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(...chunk.toString().split('\n').filter(Boolean)));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}: ${stderr.join('\n')}`)));
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'ready') resolve(message.port);
      if (message.type === 'failed') reject(new Error(`${kind} server failed: ${message.error}`));
    });
  });
  child.removeAllListeners('exit');
  return { kind, child, url: `http://127.0.0.1:${port}/slack/events`, stderr };
}

async function report(server: Server): Promise<{ maxRssBytes: number; memory: NodeJS.MemoryUsage }> {
  return new Promise((resolve) => {
    const onMessage = (message: ServerMessage) => {
      if (message.type === 'report') {
        server.child.off('message', onMessage);
        resolve({ maxRssBytes: message.maxRssBytes, memory: message.memory });
      }
    };
    server.child.on('message', onMessage);
    server.child.send('report');
  });
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.send('stop');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** One signed `/plan 13`, timed from the POST to the answer's arrival at the response_url. */
class Driver {
  private arrivals = 0;
  private sent = 0;
  private readonly startedAt = new Map<string, number>();
  readonly errors = new Map<ServerKind, number>();

  constructor(private readonly standIn: SlackApiStandIn) {}

  /** Forget earlier calls; only between runs, when nothing is in flight. */
  reset(): void {
    this.standIn.reset();
    this.arrivals = 0;
    this.sent = 0;
    this.startedAt.clear();
  }

  private async post(server: Server): Promise<{ id: string; started: number; ackMs: number }> {
    const id = `${server.kind}-${++this.sent}`;
    const body = slashCommandBody({ text: TEXT, response_url: this.standIn.responseUrl(id) });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signSlackRequest(SIGNING_SECRET, timestamp, body);
    const started = performance.now();
    this.startedAt.set(id, started);
    const res = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) this.errors.set(server.kind, (this.errors.get(server.kind) ?? 0) + 1);
    return { id, started, ackMs: performance.now() - started };
  }

  /** Resolves with the id and latency of the next answer to arrive, whoever it belongs to. */
  private async nextArrival(): Promise<{ id: string; latencyMs: number }> {
    const call = await this.standIn.waitForCall('response_url', { count: ++this.arrivals, timeoutMs: 15_000 });
    const arrived = performance.now();
    const id = decodeURIComponent(call.path.slice('/respond/'.length));
    const started = this.startedAt.get(id);
    if (started === undefined) throw new Error(`answer on unknown response_url ${call.path}`);
    this.startedAt.delete(id);
    return { id, latencyMs: arrived - started };
  }

  /** Requests one after another: latency with nothing else going on. */
  async sequential(server: Server, count: number): Promise<{ latency: number[]; ack: number[] }> {
    this.reset();
    const latency: number[] = [];
    const ack: number[] = [];
    for (let i = 0; i < count; i++) {
      const [sent, arrival] = await Promise.all([this.post(server), this.nextArrival()]);
      if (arrival.id !== sent.id) throw new Error(`answer for ${arrival.id} arrived while waiting for ${sent.id}`);
      latency.push(arrival.latencyMs);
      ack.push(sent.ackMs);
    }
    return { latency, ack };
  }

  /** A closed loop with `concurrency` requests in flight: throughput, and latency under load. */
  async concurrent(server: Server, count: number, concurrency: number): Promise<{ latency: number[]; seconds: number }> {
    this.reset();
    const latency: number[] = [];
    let issued = 0;
    const started = performance.now();
    const worker = async () => {
      while (issued < count) {
        issued++;
        const [, arrival] = await Promise.all([this.post(server), this.nextArrival()]);
        latency.push(arrival.latencyMs);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { latency, seconds: (performance.now() - started) / 1000 };
  }
}

export async function runHttpBench(options: HttpBenchOptions = {}): Promise<HttpBench> {
  const opts = {
    latencyRunSize: options.latencyRunSize ?? 250,
    latencyRuns: options.latencyRuns ?? 8,
    concurrency: options.concurrency ?? 8,
    throughputRunSize: options.throughputRunSize ?? 600,
    throughputRuns: options.throughputRuns ?? 4,
    warmup: options.warmup ?? 300,
  };
  const log = options.log ?? (() => {});
  const standIn = await startSlackApiStandIn();
  const dir = mkdtempSync(join(tmpdir(), 'plan-bot-http-bench-'));
  const env = { BENCH_SIGNING_SECRET: SIGNING_SECRET, BENCH_BOT_TOKEN: BOT_TOKEN, BENCH_SLACK_API_URL: standIn.url };
  const servers: Server[] = [];
  try {
    log('http: starting plan-bot…');
    const planBot = await startServer('plan-bot', env);
    servers.push(planBot);
    const driver = new Driver(standIn);

    // plan-bot's real answer becomes the floor's constant (same bytes on the wire).
    await driver.sequential(planBot, 1);
    const answer = standIn.callsTo('response_url')[0]!.body;
    if (!Array.isArray(answer.blocks) || answer.blocks.length === 0) {
      throw new Error(`plan-bot answered /plan 13 without blocks: ${JSON.stringify(answer).slice(0, 300)}`);
    }
    const answerPath = join(dir, 'answer.json');
    writeFileSync(answerPath, JSON.stringify(answer));
    log('http: starting the floor…');
    const floor = await startServer('floor', { ...env, BENCH_FLOOR_ANSWER: answerPath });
    servers.push(floor);
    log('http: starting plan-bot with the answer cache off…');
    const uncached = await startServer('plan-bot-uncached', env);
    servers.push(uncached);

    log(`http: warming up (${opts.warmup} requests each)…`);
    for (const server of [planBot, uncached, floor]) {
      await driver.sequential(server, opts.warmup);
      await driver.concurrent(server, opts.warmup, opts.concurrency);
    }

    const collected = new Map<ServerKind, { latency: number[]; ack: number[]; loaded: number[]; requests: number; seconds: number }>(
      [planBot, uncached, floor].map((s) => [s.kind, { latency: [], ack: [], loaded: [], requests: 0, seconds: 0 }]),
    );
    // ABC CBA ABC …: every server runs first, middle and last equally often.
    const order = (i: number) => (i % 2 === 0 ? [planBot, uncached, floor] : [floor, uncached, planBot]);
    log(`http: latency, ${opts.latencyRuns} × ${opts.latencyRunSize} sequential requests each…`);
    for (let run = 0; run < opts.latencyRuns; run++) {
      for (const server of order(run)) {
        const { latency, ack } = await driver.sequential(server, opts.latencyRunSize);
        collected.get(server.kind)!.latency.push(...latency);
        collected.get(server.kind)!.ack.push(...ack);
      }
    }
    log(`http: throughput, ${opts.throughputRuns} × ${opts.throughputRunSize} requests, ${opts.concurrency} in flight…`);
    for (let run = 0; run < opts.throughputRuns; run++) {
      for (const server of order(run)) {
        const { latency, seconds } = await driver.concurrent(server, opts.throughputRunSize, opts.concurrency);
        const c = collected.get(server.kind)!;
        c.loaded.push(...latency);
        c.requests += opts.throughputRunSize;
        c.seconds += seconds;
      }
    }

    const figures = async (server: Server): Promise<ServerFigures> => {
      const c = collected.get(server.kind)!;
      const memory = await report(server);
      return {
        latency: summarise(c.latency),
        ack: summarise(c.ack),
        loaded: summarise(c.loaded),
        requestsPerSecond: c.requests / c.seconds,
        errors: driver.errors.get(server.kind) ?? 0,
        maxRssBytes: memory.maxRssBytes,
        memoryAfter: memory.memory,
      };
    };
    const pb = await figures(planBot);
    const un = await figures(uncached);
    const fl = await figures(floor);
    const ratioOf = (a: ServerFigures): Ratio => ({
      p50: a.latency.medianMs / fl.latency.medianMs,
      p99: a.latency.p99Ms / fl.latency.p99Ms,
      loadedP50: a.loaded.medianMs / fl.loaded.medianMs,
      loadedP99: a.loaded.p99Ms / fl.loaded.p99Ms,
      rps: a.requestsPerSecond / fl.requestsPerSecond,
    });
    const ratio = ratioOf(pb);
    const uncachedRatio = ratioOf(un);
    const logErrors = servers.flatMap((s) => s.stderr.filter((line) => /\b(ERROR|WARN)\b/.test(line)));
    const bench: Omit<HttpBench, 'markdown' | 'mustMet'> = {
      planBot: pb,
      uncached: un,
      floor: fl,
      ratio,
      uncachedRatio,
      options: opts,
      answerBytes: Buffer.byteLength(JSON.stringify(answer)),
      logErrors,
    };
    return { ...bench, markdown: httpMarkdown(bench), mustMet: ratio.p50 <= 1.3 && ratio.p99 <= 1.3 };
  } finally {
    await Promise.all(servers.map(stopServer));
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const memoryText = (m: NodeJS.MemoryUsage) => `${mb(m.rss)} / ${mb(m.heapUsed)} / ${mb(m.heapTotal)}`;

const ratioRow = (name: string, r: Ratio) => [
  name,
  `×${r.p50.toFixed(2)}`,
  `×${r.p99.toFixed(2)}`,
  `×${r.loadedP50.toFixed(2)}`,
  `×${r.loadedP99.toFixed(2)}`,
  `×${r.rps.toFixed(2)}`,
  '',
  '',
];

const verdict = (r: number) => (r <= 1.1 ? 'within 1.1× (aim)' : r <= 1.3 ? 'within 1.3× (must)' : '**over 1.3×**');

export function httpMarkdown(b: Omit<HttpBench, 'markdown' | 'mustMet'>): string {
  const row = (name: string, f: ServerFigures) => [
    name,
    ms(f.latency.medianMs),
    ms(f.latency.p99Ms),
    ms(f.loaded.medianMs),
    ms(f.loaded.p99Ms),
    f.requestsPerSecond.toFixed(0),
    ms(f.ack.medianMs),
    mb(f.maxRssBytes),
  ];
  const table = markdownTable(
    ['server', 'p50', 'p99', `p50 (${b.options.concurrency} in flight)`, `p99 (${b.options.concurrency} in flight)`, 'req/s', 'ack p50', 'peak RSS'],
    [
      row('plan-bot (`/plan 13`)', b.planBot),
      row('plan-bot, answer cache off', b.uncached),
      row('bare Bolt floor (constant)', b.floor),
      ratioRow('ratio plan-bot / floor', b.ratio),
      ratioRow('ratio cache off / floor', b.uncachedRatio),
    ],
  );
  const o = b.options;
  return [
    table,
    '',
    `p50 ×${b.ratio.p50.toFixed(2)}: ${verdict(b.ratio.p50)}; p99 ×${b.ratio.p99.toFixed(2)}: ${verdict(b.ratio.p99)}. ` +
      `With the answer cache off (every request reads SQLite and renders): p50 ×${b.uncachedRatio.p50.toFixed(2)}: ` +
      `${verdict(b.uncachedRatio.p50)}; p99 ×${b.uncachedRatio.p99.toFixed(2)}: ${verdict(b.uncachedRatio.p99)}.`,
    '',
    `Latency: from the signed POST to the answer's arrival at the response_url; ` +
      `${o.latencyRuns} alternating runs × ${o.latencyRunSize} sequential requests per server ` +
      `(${b.planBot.latency.count} samples each) after ${o.warmup} warm-up requests. ` +
      `Throughput: ${o.throughputRuns} alternating runs × ${o.throughputRunSize} requests with ${o.concurrency} in flight. ` +
      `All three answers are the same ${b.answerBytes}-byte Block Kit message. ` +
      `Non-200 replies: plan-bot ${b.planBot.errors}, cache off ${b.uncached.errors}, floor ${b.floor.errors}. ` +
      `Warnings/errors logged by the servers: ${b.logErrors.length}. ` +
      `Memory after the runs (rss / heap used / heap total): plan-bot ${memoryText(b.planBot.memoryAfter)}, ` +
      `cache off ${memoryText(b.uncached.memoryAfter)}, ` +
      `floor ${memoryText(b.floor.memoryAfter)}.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bench = await runHttpBench({ log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${bench.markdown}\n`);
  for (const line of bench.logErrors.slice(0, 5)) process.stderr.write(`server log: ${line}\n`);
}
