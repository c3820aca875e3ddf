/**
 * The processes the acknowledgement benchmark talks to, each in its own process so that
 * none shares an event loop with the load driver or with another:
 *
 *   plan-bot  `node dist/src/bin/start.js`: exactly what `npm start` runs (the bundle), on a
 *             database prepared beforehand by `npm run plan`, as a bot restarted any day finds it
 *   floor     bench/floor-server.ts: bare Bolt acking plan-bot's own answers
 *
 * Peak memory is each process's high-water mark as the kernel counts it (VmHWM), read the
 * same way for both.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/ports.ts';
import { helloMessage, type SocketModeConnection, type SocketModeServer } from '../test/support/socket-mode-server.ts';
import type { FloorMessage, FloorMode, FloorStyle } from './floor-server.ts';
import { CHILD_NODE_FLAGS, sibling } from './runtime.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url).href.replace(/\.bench\/$/, ''));
export const PLAN_BOT_START = `${REPO_ROOT}dist/src/bin/start.js`;
export const PLAN_CLI = `${REPO_ROOT}dist/src/bin/plan.cjs`;

export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-bench-0000-0000';
export const APP_TOKEN = 'xapp-1-A0BENCH-0000-bench';

export interface Slack {
  /** Web API stand-in base URL (auth.test, apps.connections.open). */
  apiUrl: string;
  /** Socket Mode stand-in; apps.connections.open must point at it. */
  socket: SocketModeServer;
}

export interface BenchServer {
  name: string;
  child: ChildProcess;
  /** POST target in HTTP mode. */
  url: string | null;
  /** Its WebSocket in Socket Mode. */
  connection: SocketModeConnection | null;
  /** Lines it wrote on stderr (warnings and errors are counted). */
  log: string[];
  /** Peak resident memory so far (VmHWM), in bytes. */
  peakRssBytes(): number;
  stop(): Promise<void>;
}

export function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kb) * 1024;
}

function collect(child: ChildProcess): string[] {
  const lines: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  child.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  return lines;
}

async function stopChild(child: ChildProcess, signal: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal();
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Waits for the socket's next connection and plays Slack's hello on it. */
async function greetNextConnection(socket: SocketModeServer): Promise<SocketModeConnection> {
  const connection = await socket.waitForConnection(socket.connections.length + 1, 60_000);
  connection.send(helloMessage());
  return connection;
}

export async function startPlanBot(options: {
  name: string;
  mode: FloorMode;
  slack: Slack;
  databasePath: string;
  planCode?: string;
  nodeFlags?: string[];
}): Promise<BenchServer> {
  const port = options.mode === 'http' ? await freePort() : 0;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: options.slack.apiUrl,
    DATABASE_PATH: options.databasePath,
    ...(options.planCode ? { PLAN_CODE: options.planCode } : {}),
    ...(options.mode === 'http'
      ? { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(port) }
      : { SLACK_APP_TOKEN: APP_TOKEN }),
  };
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), PLAN_BOT_START], {
    // Beside its database, not in the checkout: the bot reads `.env` from where it runs, and a
    // developer's `.env` (DATABASE_URL, tokens) must not turn the bench onto their own database.
    cwd: dirname(options.databasePath),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = collect(child);
  const connecting = options.mode === 'socket' ? greetNextConnection(options.slack.socket) : null;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not start:\n${log.join('\n')}`)), 60_000);
    const check = () => {
      if (log.some((line) => /listening on port|connected to Slack/.test(line))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`${options.name} exited ${code}:\n${log.join('\n')}`)));
  });
  child.removeAllListeners('exit');
  return {
    name: options.name,
    child,
    url: options.mode === 'http' ? `http://127.0.0.1:${port}/slack/events` : null,
    connection: connecting ? await connecting : null,
    log,
    peakRssBytes: () => peakRssOf(child.pid!),
    stop: () => stopChild(child, () => child.kill('SIGTERM')),
  };
}

export async function startFloor(options: {
  name: string;
  mode: FloorMode;
  style: FloorStyle;
  slack: Slack;
  answersPath: string;
  nodeFlags?: string[];
}): Promise<BenchServer> {
  const child = fork(sibling('floor-server'), [options.mode, options.style], {
    cwd: REPO_ROOT,
    execArgv: [...CHILD_NODE_FLAGS, ...(options.nodeFlags ?? [])],
    env: {
      ...process.env,
      BENCH_FLOOR_ANSWERS: options.answersPath,
      BENCH_SIGNING_SECRET: SIGNING_SECRET,
      BENCH_BOT_TOKEN: BOT_TOKEN,
      BENCH_APP_TOKEN: APP_TOKEN,
      BENCH_SLACK_API_URL: options.slack.apiUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log = collect(child);
  const connecting = options.mode === 'socket' ? greetNextConnection(options.slack.socket) : null;
  const port = await new Promise<number | null>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${options.name} exited ${code}:\n${log.join('\n')}`)));
    child.on('message', (message: FloorMessage) => {
      if (message.type === 'ready') resolve(message.port);
      if (message.type === 'failed') reject(new Error(`${options.name} failed: ${message.error}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    name: options.name,
    child,
    url: port === null ? null : `http://127.0.0.1:${port}/slack/events`,
    connection: connecting ? await connecting : null,
    log,
    peakRssBytes: () => peakRssOf(child.pid!),
    stop: () => stopChild(child, () => child.send('stop')),
  };
}
