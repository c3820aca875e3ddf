import type { Messages } from '../../messages/index.ts';
import { escapeMrkdwn, mention } from './build.ts';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * Who recorded a figure, as mrkdwn: a Slack user becomes a mention (Slack shows the name),
 * the plan document and the CLI are named in words.
 */
export function recorderName(recordedBy: string, source: string, m: Messages): string {
  if (source === 'seed') return escapeMrkdwn(m.history.seedRecorder);
  if (SLACK_USER_ID.test(recordedBy)) return mention(recordedBy);
  return escapeMrkdwn(recordedBy);
}
