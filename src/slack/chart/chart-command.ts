import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parsedText } from '../parsed-text.ts';
import type { SlackDeps } from '../deps.ts';
import { respondReliably } from '../respond.ts';
import { postChart } from './post-chart.ts';

/** The action plan number of `/plan 13 chart` (or `/plan chart 13`), else null. */
export function chartNumberOf(text: string): number | null {
  const parsed = parsedText(text);
  return parsed.ok && parsed.command.verb === 'chart' ? parsed.command.number : null;
}

/**
 * `/plan 13 chart`: acked with "drawing…" (or why there is no chart) as soon as the plan is
 * read, then drawn and uploaded in the conversation it was typed in.
 */
export async function answerChartCommand(
  { command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs,
  deps: SlackDeps,
  actionPlanNumber: number,
): Promise<void> {
  await postChart({
    deps,
    client,
    userId: command.user_id,
    actionPlanNumber,
    channelId: command.channel_id,
    begin: (message) => ack({ response_type: 'ephemeral', ...message }),
    tell: async (message) => {
      const delivered = await respondReliably(respond, { response_type: 'ephemeral', ...message }, deps.logger);
      if (!delivered) throw new Error('a word about a chart was not accepted by the response_url');
    },
  });
}
