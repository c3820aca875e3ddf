import type { PlanSummary } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { planLines } from '../plans.ts';
import { context, escapeMrkdwn, header, section, type SlackMessage } from './build.ts';

export function planListMessage(plans: readonly PlanSummary[], m: Messages): SlackMessage {
  const lines = planLines(plans, m).map(escapeMrkdwn);
  return {
    text: m.exchange.plans.title,
    blocks: [header(m.exchange.plans.title), section(lines.join('\n')), context(m.exchange.plans.hint)],
  };
}
