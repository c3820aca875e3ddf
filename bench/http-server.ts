/**
 * One server of the HTTP benchmark, in a process of its own so that the load driver and
 * the other server do not share its event loop:
 *
 *   plan-bot   the real app (createSlackApp) on a freshly prepared, seeded database
 *   plan-bot-uncached  the same with the answer cache off: every request reads SQLite
 *   floor      a bare Bolt App on the same HTTPReceiver and signing secret whose /plan
 *              listener acks and responds with a constant: what the framework costs
 *
 * Both point their Web API client at the parent's stand-in (BENCH_SLACK_API_URL). Talks to
 * the parent over IPC: sends { ready, port }, answers 'report' with its peak RSS.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

export type ServerKind = 'plan-bot' | 'plan-bot-uncached' | 'floor';

export type ServerMessage =
  | { type: 'ready'; port: number }
  | { type: 'report'; maxRssBytes: number; memory: NodeJS.MemoryUsage }
  | { type: 'failed'; error: string };

const kind = process.argv[2] as ServerKind;
const signingSecret = process.env.BENCH_SIGNING_SECRET!;
const botToken = process.env.BENCH_BOT_TOKEN!;
const slackApiUrl = process.env.BENCH_SLACK_API_URL!;

const send = (message: ServerMessage) => process.send?.(message);

async function startPlanBot(cacheAnswers: boolean): Promise<{ port: number; stop: () => Promise<void> }> {
  // Loaded here, not at the top, so the floor process carries none of plan-bot's code.
  const { createSlackApp } = await import('../src/slack/app.ts');
  const { loadSlackConfig } = await import('../src/config/slack.ts');
  const { createLogger } = await import('../src/slack/logger.ts');
  const { findPlan } = await import('../src/store/action-plans.ts');
  const { prepareDatabase } = await import('../src/store/prepare.ts');
  const dir = mkdtempSync(join(tmpdir(), 'plan-bot-bench-'));
  const config = loadSlackConfig({
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slackApiUrl,
    PORT: '0',
    DATABASE_PATH: join(dir, 'plans.db'),
  });
  const db = await prepareDatabase(config.database);
  const plan = await findPlan(db);
  if (!plan) throw new Error('the seeded database has no plan');
  // The level npm start runs at; lines go to stderr, which the parent reads for errors.
  const logger = createLogger({ secrets: [config.botToken, config.signingSecret] });
  const bot = createSlackApp({ config, db, plan, clock: () => new Date(), logger, cacheAnswers });
  const listening = await bot.start();
  if (listening.mode !== 'http') throw new Error('expected HTTP mode');
  return {
    port: listening.port,
    stop: async () => {
      await bot.stop(1000);
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startFloor(): Promise<{ port: number; stop: () => Promise<void> }> {
  // The constant is plan-bot's own answer to `/plan 13`, captured by the parent, so both
  // servers send the same bytes to the response_url and differ only in the work behind it.
  const constant = JSON.parse(readFileSync(process.env.BENCH_FLOOR_ANSWER!, 'utf8')) as Record<string, unknown>;
  // Same receiver, same path as src/slack/receivers.ts.
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events', port: 0 });
  const app = new App({
    token: botToken,
    receiver,
    logLevel: LogLevel.INFO,
    clientOptions: { slackApiUrl },
    deferInitialization: true,
  });
  app.command('/plan', async ({ ack, respond }) => {
    await ack();
    await respond(constant);
  });
  await app.init();
  const server = (await app.start(0)) as Server;
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('floor: no port');
  return { port: address.port, stop: () => app.stop() as Promise<void> };
}

async function main(): Promise<void> {
  const started = kind === 'floor' ? await startFloor() : await startPlanBot(kind === 'plan-bot');
  process.on('message', (message) => {
    if (message === 'report') {
      send({ type: 'report', maxRssBytes: process.resourceUsage().maxRSS * 1024, memory: process.memoryUsage() });
    } else if (message === 'stop') {
      void started.stop().finally(() => process.exit(0));
    }
  });
  // The parent going away must not leave a server behind.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: started.port });
}

main().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
