import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerParsed } from '../../../../commands/answer.ts';
import type { Command, ParseResult } from '../../../../commands/grammar.ts';
import { isReadOnly, runCommand } from '../../../../commands/run.ts';
import type { CommandResult } from '../../../../commands/results.ts';
import { civilDateInTokyo } from '../../../domain/fiscal-year.ts';
import { messagesFor } from '../../../messages/index.ts';
import { contextFor } from '../../actor.ts';
import { AnswerCache, type AnswerKey } from '../../answer-cache.ts';
import { elapsedSince, raceDeadline } from '../../deadline.ts';
import { dataVersionOf } from '../../workspaces.ts';
import { parsedText } from '../../parsed-text.ts';
import { renderMessage, isShared, type SlackMessage } from '../../../render/blocks/index.ts';
import { internalErrorMessage } from '../../../render/blocks/error.ts';
import type { SlackDeps } from '../../deps.ts';
import { deliverExport } from '../../export/deliver.ts';
import { openFigureForm } from '../../record-figure/open-form.ts';
import { exportPreparing } from '../../../render/plans.ts';
import { announceReviewOpened } from '../../review/announce.ts';
import type { ReviewAnswer } from '../../../../commands/review/results.ts';
import { respondReliably } from '../../respond.ts';
import { answerChartCommand } from '../../chart/chart-command.ts';

export const PLAN_COMMAND = '/plan';

/** What a read-only answer is kept under: the command, the day, and who shared it if it is shared. */
function answerKey(command: Command, today: string, userId: string): AnswerKey {
  return { command, today, sharedBy: 'share' in command && command.share ? userId : undefined };
}

function responseType(key: AnswerKey): 'in_channel' | 'ephemeral' {
  return key.sharedBy === undefined ? 'ephemeral' : 'in_channel';
}

/**
 * How long an answer may take before the acknowledgement goes without it. Slack counts its
 * 3 seconds from sending the request; this leaves a second for the network both ways.
 */
export const ANSWER_DEADLINE_MS = 2000;

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** What a /plan came to: a message to show, or work that needs an ack first (export, form). */
type Outcome =
  | { kind: 'message'; message: RespondArguments; opened: Extract<ReviewAnswer, { type: 'opened' }> | null }
  | { kind: 'after-ack'; result: Extract<CommandResult, { kind: 'export' | 'open_figure_form' }> };

/**
 * `/plan <text>`: the shared grammar and handlers, answered in Block Kit.
 *
 * The answer travels in the acknowledgement itself (the HTTP reply, or the Socket Mode ack):
 * one round trip, as Slack allows for a slash command, instead of an empty ack and a second
 * request to the response_url. An ack may carry `response_type: in_channel`, so `share`
 * works the same way. Writes (owner, committee, review) answer in the ack too: they are
 * committed before the answer is rendered, and a replay is refused by the guard before this
 * runs. An answer not ready within ANSWER_DEADLINE_MS is acknowledged with a short 作成中…
 * and follows through the response_url, so Slack never shows the person a timeout.
 *
 * Three kinds ack first and work after, on the response_url or the Web API: a chart (drawn
 * after "drawing…"), an export (the file follows in the DM) and `report` (the form must be
 * opened with the trigger_id, so the ack cannot wait for anything).
 */
export function planCommandCallback(deps: SlackDeps) {
  const answers = deps.cacheAnswers === false ? null : new AnswerCache(deps.db);
  const deadlineMs = deps.answerDeadlineMs ?? ANSWER_DEADLINE_MS;
  const m = messagesFor(deps.config.locale);

  /** What the command comes to; rejects only when it could not be answered at all. */
  const outcomeOf = async (parsed: ParseResult, { command, context }: CommandArgs): Promise<Outcome> => {
    // The trigger_id is unique to this request: a replay of it stores nothing twice.
    const requestKey = command.trigger_id ? `slack-trigger:${command.trigger_id}` : undefined;
    const ctx = contextFor(deps, command.user_id, requestKey);
    if (answers && parsed.ok && isReadOnly(parsed.command)) {
      const cached = parsed.command;
      const key = answerKey(cached, ctx.today, command.user_id);
      // Kept with its response_type, as the acknowledgement carries it.
      const message = await answers.get(
        key,
        async () => ({ response_type: responseType(key), ...renderMessage(await runCommand(cached, ctx), m, { userId: command.user_id }) }),
        dataVersionOf(context),
      );
      return { kind: 'message', message, opened: null };
    }
    const result = await answerParsed(parsed, ctx);
    if (result.kind === 'export' || result.kind === 'open_figure_form') return { kind: 'after-ack', result };
    // A change of the workspace's language is confirmed in the language chosen.
    const words = result.kind === 'settings' ? messagesFor(result.settings.locale) : m;
    const message: SlackMessage = renderMessage(result, words, { userId: command.user_id });
    const opened = result.kind === 'review' && result.review.type === 'opened' && !result.review.duplicate ? result.review : null;
    return { kind: 'message', message: { response_type: isShared(result) ? 'in_channel' : 'ephemeral', ...message }, opened };
  };

  /** Work that follows an ack that went without the answer. */
  const follow = async (outcome: Outcome, { command, respond, client }: CommandArgs): Promise<void> => {
    if (outcome.kind === 'message') {
      const delivered = await respondReliably(respond, outcome.message, deps.logger);
      await announce(outcome, client);
      if (!delivered) throw new Error('the answer to /plan was not accepted');
      return;
    }
    const { result } = outcome;
    if (result.kind === 'export') {
      const ctx = contextFor(deps, command.user_id);
      await deliverExport({ client, deps, ctx, request: result, userId: command.user_id, respond });
      return;
    }
    await openFigureForm({
      client,
      triggerId: command.trigger_id,
      actionPlanNumber: result.actionPlanNumber,
      userId: command.user_id,
      deps,
      respond,
    });
  };

  // The review is open whether or not the answer arrived: the members are told either way.
  const announce = async (outcome: Extract<Outcome, { kind: 'message' }>, client: CommandArgs['client']) => {
    if (outcome.opened) await announceReviewOpened(client, outcome.opened.review, outcome.opened.members, deps);
  };

  /** A read-only command's answer already made for today and this data version, if there is one. */
  const answerInHand = (parsed: ParseResult, { command, context }: CommandArgs): RespondArguments | undefined => {
    const version = dataVersionOf(context);
    if (!answers || version === undefined || !parsed.ok || !isReadOnly(parsed.command)) return undefined;
    // The day contextFor would give (ctx.today), without building a whole context to learn it.
    return answers.peek(answerKey(parsed.command, civilDateInTokyo(deps.clock()), command.user_id), version);
  };

  return async (args: CommandArgs): Promise<void> => {
    const { command, ack, respond } = args;
    const parsed = parsedText(command.text);
    // A chart acks with "drawing…" itself, then takes a few hundred milliseconds to draw.
    if (parsed.ok && parsed.command.verb === 'chart') return answerChartCommand(args, deps, parsed.command.number);
    let acked = false;
    const ackOnce = async (message?: RespondArguments) => {
      acked = true;
      await ack(message);
    };
    try {
      // Most requests: the answer is in hand, and goes in the acknowledgement with nothing to race.
      const inHand = answerInHand(parsed, args);
      if (inHand) {
        await ackOnce(inHand);
        return;
      }
      if (parsed.ok && (parsed.command.verb === 'export' || parsed.command.verb === 'report')) {
        const preparing = parsed.command.verb === 'export' ? exportPreparing(parsed.command.format, m) : undefined;
        await ackOnce(preparing === undefined ? undefined : { response_type: 'ephemeral', text: preparing });
        await follow(await outcomeOf(parsed, args), args);
        return;
      }
      // Slack's clock started when the request arrived, before the workspace was resolved.
      const raced = await raceDeadline(outcomeOf(parsed, args), deadlineMs - elapsedSince(args.context));
      if (raced.inTime && raced.value.kind === 'message') {
        await ackOnce(raced.value.message);
        await announce(raced.value, args.client);
        return;
      }
      if (raced.inTime) {
        await ackOnce();
        await follow(raced.value, args);
        return;
      }
      await ackOnce({ response_type: 'ephemeral', text: m.answerTiming.preparing });
      deps.logger.warn(`/plan took longer than ${deadlineMs} ms; the answer follows on the response_url`);
      await follow(await raced.later, args);
    } catch (error) {
      deps.logger.error('/plan could not be answered:', error);
      const failure: RespondArguments = { response_type: 'ephemeral', ...internalErrorMessage(m) };
      if (acked) await respondReliably(respond, failure, deps.logger);
      else await ack(failure);
    }
  };
}
