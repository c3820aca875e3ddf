import type { ActionPlanView, CommandResult, IndicatorView } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { actualWords, targetWords } from '../describe.ts';
import { completenessLine, latestWords, performanceLine, trendLine, yearGradeWords, yearStatusWords } from '../grading.ts';
import { localName, localNoteLines, localUnit } from '../local.ts';
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
  const title = `${m.circled(p.number)} ${localName(p.name, p.nameEn, m)}`;
  const about = [
    escapeMrkdwn(m.plan.policy(p.policy.number, localName(p.policy.name, p.policy.nameEn, m))),
    escapeMrkdwn(m.plan.theme(localName(p.theme, p.themeEn, m))),
    m.plan.asOf(m.date(result.asOf)),
    ...(options.sharedBy ? [m.slack.sharedBy(mention(options.sharedBy))] : []),
  ];
  // How it is doing first, then the trend, then completeness on a line of its own.
  const performance = performanceLine(p.grading, p.indicators, m);
  const trend = trendLine(p.grading, m);
  const completeness = completenessLine(p.grading, m);
  const headline = [`*${escapeMrkdwn(performance)}*`, ...(trend ? [escapeMrkdwn(trend)] : []), `${completeness.mark} ${escapeMrkdwn(completeness.text)}`];
  const blocks: Block[] = [header(title), context(...about), section(headline.join('\n')), divider()];
  for (const indicator of p.indicators) blocks.push(...indicatorBlocks(indicator, p.grading.closed, m));
  blocks.push(divider(), ...closingBlocks(p, m));
  return { text: `${title} — ${performance}`, blocks };
}

function indicatorBlocks(ind: IndicatorView, closed: boolean, m: Messages): Block[] {
  const unit = localUnit(ind, m);
  const unitNote = m.plan.unitNote(unit, ind.direction === 'lower_is_better');
  const years = ind.years.map((y) => {
    const grade = yearGradeWords(y, ind, m);
    return (
      `*${m.fiscalYear(y.fiscalYear)}*　${m.plan.target} ${escapeMrkdwn(targetWords(y.target, { unit, comparator: ind.comparator }, m))}${y.targetRevised ? m.paren(m.review.targetRevised) : ''}${m.separator}` +
      `${m.plan.actual} ${escapeMrkdwn(actualWords(y.actual, y.provisional, unit, m))}${y.corrected ? m.paren(m.review.corrected) : ''}　${yearStatusWords(y, closed, m)}` +
      (grade ? `${m.separator}${escapeMrkdwn(grade)}` : '')
    );
  });
  // The figures' own notes (② gives its counts there) come before the indicator's.
  const figureNotes = ind.years.flatMap((y) =>
    localNoteLines(y.note, y.noteEn, m).map((n) => escapeMrkdwn(m.grading.figureNote(m.fiscalYear(y.fiscalYear), n))),
  );
  const notes = localNoteLines(ind.note, ind.noteEn, m).map((n) => m.labelled(m.plan.note, escapeMrkdwn(n)));
  return [
    section([`*${escapeMrkdwn(localName(ind.name, ind.nameEn, m))}*${escapeMrkdwn(unitNote)}`, ...years].join('\n')),
    // A context block shows at most ten elements; notes beyond that join the last one.
    context(escapeMrkdwn(latestWords(ind, m)), ...packInto([...figureNotes, ...notes], 9)),
  ];
}

function closingBlocks(p: ActionPlanView, m: Messages): Block[] {
  const blocks: Block[] = [];
  if (p.narrative) {
    // Narratives have no English form: an English answer says they are in Japanese.
    const heading = m.plan.narrative(p.narrativeFiscalYear ? m.fiscalYear(p.narrativeFiscalYear) : null) + m.grading.narrativeInJapanese;
    blocks.push(section(`*${heading}*\n${truncateMrkdwn(escapeMrkdwn(p.narrative), NARRATIVE_MAX)}`));
  }
  blocks.push(context(p.owners.length ? m.plan.owners(p.owners.map((u) => mention(u)).join(', ')) : m.plan.noOwners));
  if (p.recordable === false) return blocks;
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
