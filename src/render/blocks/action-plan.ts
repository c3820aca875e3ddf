import type { ActionPlanView, CommandResult, IndicatorView } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { STATUS_SYMBOL } from '../../messages/symbols.ts';
import { actualWords, statusLabel, targetWords } from '../describe.ts';
import { PLAN_ACTIONS_BLOCK_ID, RECORD_FIGURE_ACTION_ID, SHOW_CHART_ACTION_ID } from './ids.ts';
import { actions, button, context, divider, escapeMrkdwn, header, mention, section, type Block, type SlackMessage } from './build.ts';
import { truncateMrkdwn } from './limits.ts';

/** Narratives run to a paragraph; past this they are cut so the figures stay on screen. */
export const NARRATIVE_MAX = 1000;

export interface ActionPlanOptions {
  /** Set when the answer is shared in the channel: who asked. */
  sharedBy?: string;
}

export function actionPlanMessage(
  result: Extract<CommandResult, { kind: 'action_plan' }>,
  m: Messages,
  options: ActionPlanOptions = {},
): SlackMessage {
  const p = result.plan;
  const title = `${m.circled(p.number)} ${p.name}`;
  const overall = m.plan.overallStatus(statusLabel(p.status, m));
  const about = [
    escapeMrkdwn(m.plan.policy(p.policy.number, p.policy.name)),
    escapeMrkdwn(m.plan.theme(p.theme)),
    overall,
    m.plan.asOf(m.date(result.asOf)),
    ...(options.sharedBy ? [m.slack.sharedBy(mention(options.sharedBy))] : []),
  ];
  const blocks: Block[] = [header(title), context(...about), divider()];
  for (const indicator of p.indicators) blocks.push(...indicatorBlocks(indicator, m));
  blocks.push(divider(), ...closingBlocks(p, m));
  return { text: `${title} — ${overall}`, blocks };
}

function indicatorBlocks(ind: IndicatorView, m: Messages): Block[] {
  const unitNote = m.plan.unitNote(ind.unit, ind.direction === 'lower_is_better');
  const years = ind.years.map(
    (y) =>
      `*${m.fiscalYear(y.fiscalYear)}*　${m.plan.target} ${escapeMrkdwn(targetWords(y.target, ind, m))}${m.separator}` +
      `${m.plan.actual} ${escapeMrkdwn(actualWords(y.actual, y.provisional, ind.unit, m))}　${STATUS_SYMBOL[y.status]} ${m.status[y.status]}`,
  );
  const latest = ind.latest
    ? m.plan.latest(m.fiscalYear(ind.latest.fiscalYear), ind.latest.rate === null ? m.none : m.percent(ind.latest.rate))
    : m.plan.noLatest;
  const notes = (ind.note ?? '')
    .split('\n')
    .filter((n) => n.trim() !== '')
    .map((n) => m.labelled(m.plan.note, escapeMrkdwn(n)));
  return [
    section([`*${escapeMrkdwn(ind.name)}*${escapeMrkdwn(unitNote)}`, ...years].join('\n')),
    // A context block shows at most ten elements; notes beyond that join the last one.
    context(latest, ...packInto(notes, 9)),
  ];
}

function closingBlocks(p: ActionPlanView, m: Messages): Block[] {
  const blocks: Block[] = [];
  if (p.narrative) {
    const heading = m.plan.narrative(p.narrativeFiscalYear ? m.fiscalYear(p.narrativeFiscalYear) : null);
    blocks.push(section(`*${heading}*\n${truncateMrkdwn(escapeMrkdwn(p.narrative), NARRATIVE_MAX)}`));
  }
  blocks.push(context(p.owners.length ? m.plan.owners(p.owners.map((u) => mention(u)).join(', ')) : m.plan.noOwners));
  blocks.push(
    actions(
      PLAN_ACTIONS_BLOCK_ID,
      button({ text: m.plan.recordButton, actionId: RECORD_FIGURE_ACTION_ID, value: String(p.number), style: 'primary' }),
      button({ text: m.visual.chart.button, actionId: SHOW_CHART_ACTION_ID, value: String(p.number) }),
    ),
  );
  return blocks;
}

function packInto(items: string[], max: number): string[] {
  if (items.length <= max) return items;
  return [...items.slice(0, max - 1), items.slice(max - 1).join('\n')];
}
