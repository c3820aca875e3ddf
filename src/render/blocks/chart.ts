import type { Messages } from '../../messages/index.ts';
import { chartPictures, type ChartResult } from '../chart-spec.ts';
import { context, escapeMrkdwn, mention, section, type SlackMessage } from './build.ts';

/**
 * The words that go with a chart in Slack: the comment posted with the image (who asked is
 * named, since everyone in the channel sees it), and the same as a message when a door has
 * only words to give.
 */
export function chartComment(chart: { title: string; grade: string }, m: Messages, userId: string | null): string {
  // In the person's own DM there is no one else to tell who asked.
  return m.visual.chart.comment(escapeMrkdwn(chart.title), escapeMrkdwn(chart.grade), userId === null ? null : mention(userId));
}

export function chartMessage(result: ChartResult, m: Messages, options: { sharedBy?: string } = {}): SlackMessage {
  const { title, grade } = chartPictures(result, m);
  return {
    text: `${title} — ${grade}`,
    blocks: [
      section(`*${escapeMrkdwn(title)}*`),
      context(escapeMrkdwn(grade), ...(options.sharedBy ? [m.slack.sharedBy(mention(options.sharedBy))] : [])),
    ],
  };
}

/** A short line for the person only: "drawing", "sent to your DM because…", "could not post". */
export function chartNotice(text: string): SlackMessage {
  return { text, blocks: [section(escapeMrkdwn(text))] };
}
