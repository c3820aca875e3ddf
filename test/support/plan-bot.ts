/**
 * The real Slack door on a loopback port: a temporary database prepared like `npm start`
 * does, the Web API stand-in at SLACK_API_URL, and a fixed clock. Feature tests drive it
 * with signed requests and read what reached the stand-in.
 */
import { LogLevel } from '@slack/bolt';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { createSlackApp, type PlanBot, type SlackDeps } from '../../src/slack/app.ts';
import type { ReminderSettings } from '../../commands/reminders/settings.ts';
import { loadSlackConfig, type SlackConfig } from '../../src/config/slack.ts';
import { createLogger } from '../../src/slack/logger.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import type { ReviewProgress } from '../../commands/home.ts';
import {
  DEFAULT_USER_ID,
  eventCallbackBody,
  postSigned,
  slashCommandBody,
  type SignedResponse,
  type SlashCommandFields,
} from './signed-request.ts';
import { startSlackApiStandIn, type RecordedCall, type SlackApiStandIn } from './slack-api-stand-in.ts';
import { textsUnder } from './block-texts.ts';
import { databaseEnv, freshLocation } from './databases.ts';
import { en } from '../../src/messages/en.ts';
import { ja } from '../../src/messages/ja.ts';

export const TEST_BOT_TOKEN = 'xoxb-0000-test-bot-token';
/** Hex like a real signing secret, and distinctive so a leak into a log is easy to spot. */
export const TEST_SIGNING_SECRET = '5ec7e75ec7e75ec7e75ec7e75ec7e75e';
export const TEST_APP_TOKEN = 'xapp-1-A0PLANBOT-0000-test-app-token';
export const TEST_ADMIN_ID = 'U0ADMIN';
/** 1 Aug 2024 in Tokyo: FY2023's due date (30 June) has passed, FY2024 is under way. */
export const TEST_NOW = new Date('2024-08-01T09:00:00+09:00');

export interface TestBot {
  bot: PlanBot;
  db: PlanDb;
  config: SlackConfig;
  standIn: SlackApiStandIn;
  /** `http://127.0.0.1:<port>/slack/events` (HTTP mode only). */
  eventsUrl: string;
  logs: string[];
  /** The next `clock()` call throws, to exercise the internal-error answer. */
  failNextClock(): void;
  /** Moves the bot's clock (the database stays as it is), e.g. into a fiscal year still running. */
  setNow(now: Date): void;
  /** Every query the bot makes from now on answers `ms` later (0: at once again), as a loaded disk would. */
  slowQueries(ms: number): void;
  /**
   * Posts a signed `/plan <text>`; resolves with Bolt's HTTP reply and the answer, wherever
   * it came: in that reply (the acknowledgement) or, when the ack carried none or only
   * 作成中…, on the response_url.
   */
  slash(text: string, fields?: Partial<SlashCommandFields>): Promise<{ http: SignedResponse; reply: Answer; responsePath: string }>;
  /** Delivers one Events API event (signed), e.g. `appHomeOpenedEvent(user)`; resolves with Bolt's HTTP answer. */
  event(event: Record<string, unknown>): Promise<SignedResponse>;
  close(): Promise<void>;
}

export interface TestBotOptions {
  env?: Record<string, string>;
  logLevel?: LogLevel;
  /** Default true in HTTP mode; Socket Mode tests start the bot themselves once a socket stand-in is up. */
  start?: boolean;
  /** The bot's "now"; default TEST_NOW. */
  now?: Date;
  /** Extra dependencies for createSlackApp (e.g. a short Socket Mode connect timeout). */
  deps?: Pick<SlackDeps, 'socketConnectTimeoutMs' | 'wallClock' | 'answerDeadlineMs'>;
  /** What `/plan reminders` previews; default none (reminders off). */
  reminderSettings?: ReminderSettings;
  /** What the Home tab learns about an open committee review (default none). */
  reviewProgress?: ReviewProgress;
  /** Many workspaces: OAuth (SLACK_CLIENT_ID…) instead of SLACK_BOT_TOKEN; workspaces install through GET /slack/install. */
  oauth?: boolean;
}

export const TEST_OAUTH_ENV = {
  SLACK_CLIENT_ID: '1111111111.2222222222',
  SLACK_CLIENT_SECRET: 'c11e47c11e47c11e47c11e47c11e47c1',
  SLACK_STATE_SECRET: '57a7e57a7e57a7e57a7e57a7e57a7e57',
} as const;

/** Delays every query result, to make an answer late without touching the bot's code. */
class SlowQueries implements KyselyPlugin {
  delayMs = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    return args.result;
  }
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const standIn = await startSlackApiStandIn();
  const fresh = freshLocation('plan-bot-slack-');
  const config = loadSlackConfig({
    ...(options.oauth ? TEST_OAUTH_ENV : { SLACK_BOT_TOKEN: TEST_BOT_TOKEN }),
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: standIn.url,
    PORT: '0',
    ...databaseEnv(fresh.location),
    PLAN_ADMINS: TEST_ADMIN_ID,
    ...options.env,
  });
  const db = await prepareDatabase(config.database, { now: TEST_NOW });
  const plan = (await findPlan(db))!;
  const logs: string[] = [];
  const logger = createLogger({
    level: options.logLevel ?? LogLevel.INFO,
    secrets: [config.botToken, config.signingSecret, config.appToken],
    write: (line) => logs.push(line),
  });
  let clockFails = 0;
  let now = options.now ?? TEST_NOW;
  const clock = () => {
    if (clockFails > 0) {
      clockFails -= 1;
      throw new Error('clock stopped (test)');
    }
    return now;
  };
  const slow = new SlowQueries();
  const bot = createSlackApp({
    config,
    db: db.withPlugin(slow),
    ...(options.oauth ? {} : { plan }),
    clock,
    logger,
    reminderSettings: options.reminderSettings ?? null,
    ...(options.reviewProgress ? { reviewProgress: options.reviewProgress } : {}),
    ...options.deps,
  });
  let eventsUrl = '';
  if (config.appToken === undefined && options.start !== false) {
    const listening = await bot.start();
    if (listening.mode === 'http') eventsUrl = `http://127.0.0.1:${listening.port}/slack/events`;
  }

  return {
    bot,
    db,
    config,
    standIn,
    eventsUrl,
    logs,
    failNextClock() {
      clockFails += 1;
    },
    setNow(next) {
      now = next;
    },
    slowQueries(ms) {
      slow.delayMs = ms;
    },
    async slash(text, fields = {}) {
      const responseUrl = standIn.responseUrl();
      const body = slashCommandBody({ text, response_url: responseUrl, ...fields });
      const http = await postSigned(eventsUrl, body, { signingSecret: TEST_SIGNING_SECRET });
      const answeredAt = Date.now();
      const responsePath = new URL(responseUrl).pathname;
      return { http, reply: await answerOf(standIn, http.json, answeredAt, responsePath), responsePath };
    },
    event(event) {
      return postSigned(eventsUrl, eventCallbackBody(event), { signingSecret: TEST_SIGNING_SECRET });
    },
    async close() {
      await bot.stop(1000);
      await db.destroy();
      await standIn.close();
      await fresh.cleanup();
    },
  };
}

/** Where the person saw the answer to a slash command, and when it got there. */
export interface Answer {
  via: 'ack' | 'response_url';
  body: Record<string, unknown>;
  /** `Date.now()` when it arrived. */
  at: number;
}

/** A message in an acknowledgement: an empty ack (or Bolt's empty JSON) carries none. */
export function ackMessage(json: unknown): Record<string, unknown> | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const body = json as Record<string, unknown>;
  return 'text' in body || 'blocks' in body ? body : undefined;
}

const PREPARING = new Set([ja.answerTiming.preparing, en.answerTiming.preparing]);

/** A short "working on it" (a late answer's, or an export's 〜を作成中…): the answer follows. */
function isPreparing(acked: Record<string, unknown>): boolean {
  const text = String(acked.text);
  return PREPARING.has(text) || (acked.blocks === undefined && text.endsWith('…'));
}

/**
 * The answer to a slash command: the message in its acknowledgement, unless that was the
 * short 作成中… (or there was none), in which case the one that follows on the response_url.
 */
export async function answerOf(
  standIn: SlackApiStandIn,
  ackJson: unknown,
  ackedAt: number,
  responsePath: string,
  timeoutMs = 3000,
): Promise<Answer> {
  const acked = ackMessage(ackJson);
  if (acked && !isPreparing(acked)) return { via: 'ack', body: acked, at: ackedAt };
  const call = await waitForReply(standIn, responsePath, timeoutMs);
  return { via: 'response_url', body: call.body, at: call.at };
}

/** The response_url call on one particular path, so parallel answers do not mix. */
export async function waitForReply(standIn: SlackApiStandIn, path: string, timeoutMs = 3000): Promise<RecordedCall> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const call = standIn.callsTo('response_url').find((c) => c.path === path);
    if (call) return call;
    if (Date.now() > deadline) throw new Error(`no answer on ${path} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export { DEFAULT_USER_ID };

export { textsUnder };

/** All the text a Block Kit message shows. */
export function visibleText(body: Record<string, unknown>): string {
  return textsUnder(body.blocks ?? []);
}

/**
 * What asking for the figure form looks like from Slack's side: a views.open with the
 * request's trigger_id, or an ephemeral reply on the response_url (a refusal naming who
 * may record, or no such action plan). Either one, never silence.
 */
export async function waitForFormOrReply(
  standIn: SlackApiStandIn,
  triggerId: string,
  responsePath: string,
  timeoutMs = 3000,
): Promise<{ opened: RecordedCall } | { reply: RecordedCall }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const opened = standIn.callsTo('views.open').find((c) => c.body.trigger_id === triggerId);
    if (opened) return { opened };
    const reply = standIn.callsTo('response_url').find((c) => c.path === responsePath);
    if (reply) return { reply };
    if (Date.now() > deadline) throw new Error(`neither views.open nor a reply for trigger ${triggerId} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
