import type { ActionPlanSummary, CommandResult } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { listCompleteness, listGradeWords, rankMark } from '../grading.ts';
import { localName } from '../local.ts';
import { context, escapeMrkdwn, header, mention, section, type SlackMessage } from './build.ts';
import { LIMITS, linesToSections } from './limits.ts';

type ListResult = Extract<CommandResult, { kind: 'action_plan_list' }>;

/**
 * List, search, policy and theme answers: one line per action plan with its latest grade (a
 * mark per rank, so ③ D and ⑤ A differ at a glance) and, apart, the years still missing.
 */
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
      context(m.grading.listLegend, m.list.hint),
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
      return m.list.policyTitle(scope.number, localName(scope.name, scope.nameEn, m));
    case 'theme':
      return m.list.themeTitle(localName(scope.name, scope.nameEn, m));
  }
}

function line(item: ActionPlanSummary, m: Messages): string {
  const name = `*${m.circled(item.number)} ${escapeMrkdwn(localName(item.name, item.nameEn, m))}*`;
  const missing = listCompleteness(item.grading, m);
  const parts = [listGradeWords(item.grading, m), ...(missing ? [missing] : []), localName(item.theme, item.themeEn, m)];
  return `${rankMark(item.grading.latest?.result.grade ?? null, m)} ${name}　${parts.map(escapeMrkdwn).join(m.separator)}`;
}
