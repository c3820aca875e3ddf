import type { ActionPlanSummary, CommandResult } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { STATUS_SYMBOL } from '../../messages/symbols.ts';
import { context, escapeMrkdwn, header, mention, section, type SlackMessage } from './build.ts';
import { LIMITS, linesToSections } from './limits.ts';

type ListResult = Extract<CommandResult, { kind: 'action_plan_list' }>;

/** List, search, policy and theme answers: one line per action plan with its worst status. */
export function actionPlanListMessage(result: ListResult, m: Messages, options: { sharedBy?: string } = {}): SlackMessage {
  const title = listTitle(result.scope, m);
  const shared = options.sharedBy ? [m.slack.sharedBy(mention(options.sharedBy))] : [];
  if (result.items.length === 0) {
    const empty = result.scope.kind === 'search' ? m.list.searchEmpty(result.scope.words.join(' ')) : m.list.empty;
    return { text: `${title} — ${empty}`, blocks: [header(title), section(escapeMrkdwn(empty)), ...(shared.length ? [context(...shared)] : [])] };
  }
  const lines = result.items.map((item) => line(item, m));
  // header, the count line and the closing hints take three of the blocks.
  const body = linesToSections(lines, LIMITS.blocksPerMessage - 3, m.slack.more);
  return {
    text: `${title}${m.paren(m.list.count(result.items.length))}`,
    blocks: [
      header(title),
      context(m.list.count(result.items.length), m.plan.asOf(m.date(result.asOf)), ...shared),
      ...body,
      context(m.help.statusLegend, m.list.hint),
    ],
  };
}

export function listTitle(scope: ListResult['scope'], m: Messages): string {
  switch (scope.kind) {
    case 'all':
      return scope.planName ? m.exchange.plans.listTitle(scope.planName) : m.list.title;
    case 'search':
      return m.list.searchTitle(scope.words.join(' '));
    case 'policy':
      return m.list.policyTitle(scope.number, scope.name);
    case 'theme':
      return m.list.themeTitle(scope.name);
  }
}

function line(item: ActionPlanSummary, m: Messages): string {
  const name = `*${m.circled(item.number)} ${escapeMrkdwn(item.name)}*`;
  if (item.status === null) return `${m.none} ${name}　${escapeMrkdwn(item.theme)}`;
  return `${STATUS_SYMBOL[item.status]} ${name}　${m.status[item.status]}${m.separator}${escapeMrkdwn(item.theme)}`;
}
