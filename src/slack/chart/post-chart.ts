import type { webApi } from '@slack/bolt';
import type { CommandResult } from '../../../commands/results.ts';
import { runCommand } from '../../../commands/run.ts';
import { messagesFor, type Messages } from '../../messages/index.ts';
import type { DrawnChart } from '../../render/chart-draw.ts';
import type { ChartResult } from '../../render/chart-spec.ts';
import { chartComment, chartNotice } from '../../render/blocks/chart.ts';
import { internalErrorMessage } from '../../render/blocks/error.ts';
import { renderMessage, type SlackMessage } from '../../render/blocks/index.ts';
import { slackFailure } from '../../slack-web/failure.ts';
import { uploadFile } from '../../slack-web/upload-file.ts';
import { contextFor } from '../actor.ts';
import type { SlackDeps } from '../deps.ts';
import { chartCacheFor } from './chart-cache.ts';

/**
 * One action plan's chart, drawn (or taken from the cache) and uploaded with files upload v2
 * where it was asked for, so everyone in that conversation sees it. `/plan 13 chart`, the グラフ
 * button under an answer and the one on the Home tab all land here.
 *
 * Slash commands reach the bot in conversations it has not joined, where Slack refuses to share
 * a file (`not_in_channel`); then the chart goes to the person's DM with the bot, which says
 * why, and the person is told where it went. Any other failure is said to the person. Never
 * silence.
 */

/** Slack's answers that mean "the bot cannot post in that conversation", not "Slack is down". */
const NOT_REACHABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export interface ChartRequest {
  deps: SlackDeps;
  client: webApi.WebClient;
  userId: string;
  actionPlanNumber: number;
  /** Where it was asked: a channel or a DM; null from the Home tab (the chart goes to the DM). */
  channelId: string | null;
  /**
   * The first answer, given once, as soon as it is known whether there is a chart to draw:
   * "drawing…" or why not. A slash command passes its ack, a button its response_url; null
   * on the Home tab, where the DM is the only place to speak (and "drawing…" goes unsaid).
   */
  begin: ((message: SlackMessage) => Promise<void>) | null;
  /** Later words for the person only (the response_url); null where there is none (Home tab). */
  tell: ((message: SlackMessage) => Promise<void>) | null;
}

export async function postChart(request: ChartRequest): Promise<void> {
  const { deps } = request;
  const m = messagesFor(deps.config.locale);
  let begun = false;
  const begin = async (message: SlackMessage, drawing = false) => {
    begun = true;
    if (request.begin) await request.begin(message);
    else if (!drawing) await say(request, message);
  };
  try {
    const drawn = await chartFor(request, m, begin);
    if (drawn) await deliver(request, drawn, m);
  } catch (error) {
    deps.logger.error(`the chart of ${request.actionPlanNumber} could not be posted:`, error);
    const sorry = internalErrorMessage(m);
    if (!begun) await begin(sorry).catch(() => undefined);
    else await say(request, sorry);
  }
}

/** The drawn chart, or null when there is none to post (already said through `begin`). */
async function chartFor(
  request: ChartRequest,
  m: Messages,
  begin: (message: SlackMessage, drawing?: boolean) => Promise<void>,
): Promise<DrawnChart | null> {
  const { deps, actionPlanNumber } = request;
  const ctx = contextFor(deps, request.userId);
  const cache = chartCacheFor(deps.db);
  const key = { planId: ctx.plan.id, actionPlanNumber, locale: deps.config.locale, today: ctx.today };
  const version = await cache.version();
  const drawing = chartNotice(m.visual.chart.drawing(m.circled(actionPlanNumber)));
  const cached = cache.get(key, version);
  if (cached) {
    await begin(drawing, true);
    return cached;
  }
  const result: CommandResult = await runCommand({ verb: 'chart', number: actionPlanNumber }, ctx);
  if (result.kind !== 'chart') {
    await begin(renderMessage(result, m, { userId: request.userId }));
    return null;
  }
  if (result.plan.indicators.length === 0) {
    await begin(chartNotice(m.visual.chart.nothingToDraw(m.circled(actionPlanNumber))));
    return null;
  }
  // Said before drawing: Slack waits three seconds for an ack, and drawing is CPU work that
  // holds the event loop; one turn of it first lets the ack's bytes leave the socket.
  await begin(drawing, true);
  await new Promise((resolve) => setImmediate(resolve));
  return cache.draw(key, version, async () => {
    // Loaded on first use (npm start warms it up once connected): ECharts, resvg and the fonts
    // would otherwise lengthen every start of the bot.
    const { drawChart } = await import('../../render/chart-draw.ts');
    return drawChart(result as ChartResult, m);
  });
}

async function deliver(request: ChartRequest, drawn: DrawnChart, m: Messages): Promise<void> {
  const { client, userId, deps } = request;
  const comment = chartComment(drawn, m, userId);
  if (request.channelId !== null) {
    try {
      await upload(client, drawn, request.channelId, comment);
      return;
    } catch (error) {
      const failure = slackFailure(error);
      if (!NOT_REACHABLE.has(failure.detail)) {
        deps.logger.error(`the chart of ${request.actionPlanNumber} could not be uploaded to ${request.channelId} (${failure.detail})`);
        await say(request, chartNotice(`⚠️ ${m.visual.chart.failed(failure.detail)}`));
        return;
      }
      deps.logger.info(`the chart of ${request.actionPlanNumber} went to ${userId}'s DM: ${request.channelId} answered ${failure.detail}`);
      const sent = await toDm(request, drawn, `${m.visual.chart.dmBecause(failure.detail)}\n${chartComment(drawn, m, null)}`, m);
      if (sent) await say(request, chartNotice(m.visual.chart.sentToDm(failure.detail)));
      return;
    }
  }
  await toDm(request, drawn, chartComment(drawn, m, null), m);
}

/**
 * A DM with the bot: chat.postMessage to the user id opens it (chat:write only) and answers
 * with its D… id, which files.completeUploadExternal needs (it refuses user ids). The words
 * go first, in that message; the image follows.
 */
async function toDm(request: ChartRequest, drawn: DrawnChart, words: string, m: Messages): Promise<boolean> {
  const { client, userId, deps } = request;
  let channel: string;
  try {
    const posted = await client.chat.postMessage({ channel: userId, text: words, unfurl_links: false, unfurl_media: false });
    if (typeof posted.channel !== 'string') throw new Error('chat.postMessage named no channel');
    channel = posted.channel;
    await upload(client, drawn, channel);
    return true;
  } catch (error) {
    const failure = slackFailure(error);
    deps.logger.error(`the chart of ${request.actionPlanNumber} could not be sent to ${userId}'s DM (${failure.detail})`);
    await say(request, chartNotice(`⚠️ ${m.visual.chart.failed(failure.detail)}`));
    return false;
  }
}

async function upload(client: webApi.WebClient, drawn: DrawnChart, channelId: string, comment?: string): Promise<void> {
  // One image per file, in order; the comment goes with the first.
  for (const [i, file] of drawn.files.entries()) {
    await uploadFile(client, {
      bytes: file.bytes,
      filename: file.filename,
      title: file.title,
      altText: file.altText,
      channelId,
      ...(i === 0 && comment ? { initialComment: comment } : {}),
    });
  }
}

/**
 * Words for the person only: through `tell` when there is a response_url, else as a DM (the
 * Home tab has nowhere else). A failure here is only logged: there is no one left to tell.
 */
async function say(request: ChartRequest, message: SlackMessage): Promise<void> {
  try {
    if (request.tell) await request.tell(message);
    else await request.client.chat.postMessage({ channel: request.userId, ...message, unfurl_links: false, unfurl_media: false });
  } catch (error) {
    request.deps.logger.error(`could not tell ${request.userId} about their chart (${slackFailure(error).detail})`);
  }
}
