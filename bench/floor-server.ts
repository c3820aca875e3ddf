/**
 * The framework's floor: a bare Bolt app, in a process of its own, whose /plan listener
 * does nothing but hand Slack an answer that is already made. The answers are plan-bot's
 * own, rendered once before the timing starts (BENCH_FLOOR_ANSWERS: text typed → message),
 * so both put the same bytes on the wire and differ only in the work behind them.
 *
 *   node floor-server.js http   ack   → `await ack(message)`: the answer in the HTTP reply
 *   node floor-server.js socket ack   → the same over a Socket Mode WebSocket
 *   node floor-server.js http respond → `await ack(); await respond(message)`: the answer
 *                                      on the response_url (plan-bot's former design)
 *
 * Talks to the parent over IPC: { ready, port } once listening; exits on 'stop' or when
 * the parent goes away.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';

export type FloorMode = 'http' | 'socket';
export type FloorStyle = 'ack' | 'respond';
export type FloorMessage = { type: 'ready'; port: number | null } | { type: 'failed'; error: string };

const mode = process.argv[2] as FloorMode;
const style = process.argv[3] as FloorStyle;
const send = (message: FloorMessage) => process.send?.(message);

async function main(): Promise<void> {
  const answers = new Map<string, Record<string, unknown>>(
    Object.entries(JSON.parse(readFileSync(process.env.BENCH_FLOOR_ANSWERS!, 'utf8')) as Record<string, Record<string, unknown>>),
  );
  const clientOptions = { slackApiUrl: process.env.BENCH_SLACK_API_URL! };
  // The same receivers plan-bot builds (src/slack/receivers.ts), at Bolt's defaults otherwise.
  const receiver =
    mode === 'http'
      ? new HTTPReceiver({ signingSecret: process.env.BENCH_SIGNING_SECRET!, endpoints: '/slack/events', port: 0 })
      : new SocketModeReceiver({ appToken: process.env.BENCH_APP_TOKEN!, installerOptions: { clientOptions } });
  const app = new App({
    token: process.env.BENCH_BOT_TOKEN!,
    receiver,
    logLevel: LogLevel.WARN,
    clientOptions,
    deferInitialization: true,
  });
  app.command('/plan', async ({ command, ack, respond }) => {
    const answer = answers.get(command.text);
    if (style === 'ack') {
      await ack(answer);
    } else {
      await ack();
      if (answer) await respond(answer);
    }
  });
  await app.init();
  const started = await app.start(0);
  let port: number | null = null;
  if (mode === 'http') {
    const address = (started as Server).address();
    if (address === null || typeof address === 'string') throw new Error('floor: no port');
    port = address.port;
  }
  process.on('message', (message) => {
    if (message === 'stop') void app.stop().finally(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port });
}

main().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
