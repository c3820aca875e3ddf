import type { RespondFn, webApi } from '@slack/bolt';
import { messagesFor } from '../../messages/index.ts';
import type { SlackDeps } from '../deps.ts';
import { respondReliably } from '../respond.ts';

export interface OpenReportFormArgs {
  client: webApi.WebClient;
  /** From the slash command or the button click; Slack honours it for 3 seconds. */
  triggerId: string;
  actionPlanNumber: number;
  userId: string;
  deps: SlackDeps;
  respond: RespondFn;
}

/**
 * Opens the modal to record a figure for one action plan. Both `/plan report 13` and the
 * "record a figure" button land here.
 *
 * Placeholder until the figure-recording modal lands: it only tells the person the form
 * is coming, so the command and the button already answer instead of staying silent.
 */
export async function openReportForm({ actionPlanNumber, deps, respond }: OpenReportFormArgs): Promise<void> {
  const m = messagesFor(deps.config.locale);
  const text = m.report.formComingSoon(m.circled(actionPlanNumber));
  await respondReliably(respond, { response_type: 'ephemeral', text }, deps.logger);
}
