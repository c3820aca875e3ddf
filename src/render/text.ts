import { settingsLines, TERMINAL_STYLE } from './settings.ts';
import type { CommandError, CommandResult } from '../../commands/results.ts';
import { renderAlertPreviewText } from './digest/preview.ts';
import { renderReminderPreviewText } from './reminders/preview.ts';
import type { Messages } from '../messages/index.ts';
import { exportPreparing, planLines } from './plans.ts';
import { listTitle } from './blocks/action-plan-list.ts';
import {
  actualWords,
  closureWords,
  dayOf,
  overdueClosedWords,
  overdueGroupWords,
  targetWords,
  helpRows,
  usageEntries,
  wantsHelpHint,
} from './describe.ts';
import {
  completenessLine,
  latestWords,
  listCompleteness,
  listGradeWords,
  performanceLine,
  rankMark,
  trendLine,
  yearGradeWords,
  yearStatusWords,
} from './grading.ts';
import { localName, localNoteLines, localUnit } from './local.ts';

/**
 * The door a text answer is read at. The messages speak Slack's syntax (`/plan 13`); a door
 * that is invoked otherwise says how, and every `/plan` in its answers becomes that, except
 * where the answer sends the person to Slack itself.
 */
export interface TextDoor {
  /** What stands where Slack has `/plan`, e.g. `npm run plan --`. */
  invocation: string;
  /** Verbs this door cannot carry out, left out of its help (e.g. `report`, which opens a Slack form). */
  omitVerbs?: readonly string[];
  /** The door's own options, shown in its help. */
  options?: ReadonlyArray<readonly [string, string]>;
  optionsTitle?: string;
  /** Lines the door adds to its help: its usage line first, then notes. */
  usage?: string;
  notes?: readonly string[];
}
import { errorText } from './error-text.ts';
import { reviewTextLines } from './review-text.ts';
import { chartPictures } from './chart-spec.ts';

/** Plain-text answers for the terminal: the CLI is one more renderer of the same results. */
export function renderText(result: CommandResult, m: Messages, door?: TextDoor): string {
  const out = door ? doorLines(result, m, door) : lines(result, m);
  return out.join('\n');
}

const SLACK_INVOCATION = /\/plan(?=$|[\s`])/g;

function doorLines(result: CommandResult, m: Messages, door: TextDoor): string[] {
  const said = (line: string) => line.replace(SLACK_INVOCATION, door.invocation);
  // These send the person to Slack: its syntax is the point.
  if (result.kind === 'open_figure_form' || (result.kind === 'error' && sendsToSlack(result.error))) {
    return lines(result, m);
  }
  if (result.kind !== 'help') return lines(result, m).map(said);
  // The door's own lines speak of Slack on purpose; only the shared usage is rewritten.
  return [
    ...(door.usage ? [door.usage, ''] : []),
    m.help.title,
    m.help.intro,
    '',
    ...table(
      usageEntries(m)
        .filter(([verb]) => !door.omitVerbs?.includes(verb))
        .map(([, [usage, what]]) => [said(usage), what]),
    ),
    ...(door.options?.length ? ['', door.optionsTitle ?? '', ...table(door.options.map(([o, what]) => [o, what]))] : []),
    '',
    ...(door.notes ?? []),
    m.help.statusLegend,
  ];
}

/** Errors that tell the person to do it in Slack: their `/plan` stays as written. */
function sendsToSlack(error: CommandError): boolean {
  return error.code === 'cli_cannot_open_forms' || (error.code === 'review' && error.problem.code === 'open_from_slack');
}

function lines(result: CommandResult, m: Messages): string[] {
  switch (result.kind) {
    case 'chart': {
      // The CLI writes the image itself (--out); this is what the image is of.
      const { title, grade } = chartPictures(result, m);
      return [title, grade];
    }
    case 'action_plan': {
      const p = result.plan;
      const completeness = completenessLine(p.grading, m);
      const trend = trendLine(p.grading, m);
      const out = [
        `${m.circled(p.number)} ${localName(p.name, p.nameEn, m)}`,
        [
          m.plan.policy(p.policy.number, localName(p.policy.name, p.policy.nameEn, m)),
          m.plan.theme(localName(p.theme, p.themeEn, m)),
          m.plan.asOf(m.date(result.asOf)),
        ].join(m.separator),
        // How it is doing, the trend, then completeness on its own line.
        performanceLine(p.grading, p.indicators, m),
        ...(trend ? [trend] : []),
        `${completeness.mark} ${completeness.text}`,
      ];
      for (const ind of p.indicators) {
        const unit = localUnit(ind, m);
        out.push('', `■ ${localName(ind.name, ind.nameEn, m)}${m.plan.unitNote(unit, ind.direction === 'lower_is_better')}`);
        const rows = ind.years.map((y) => [
          m.fiscalYear(y.fiscalYear),
          `${targetWords(y.target, { unit, comparator: ind.comparator }, m)}${y.targetRevised ? m.paren(m.review.targetRevised) : ''}`,
          `${actualWords(y.actual, y.provisional, unit, m)}${y.corrected ? m.paren(m.review.corrected) : ''}`,
          [yearStatusWords(y, p.grading.closed, m), yearGradeWords(y, ind, m)].filter((w) => w !== null).join(m.separator),
        ]);
        out.push(...table([['', m.plan.target, m.plan.actual, ''], ...rows]));
        out.push(latestWords(ind, m));
        for (const y of ind.years) {
          out.push(...localNoteLines(y.note, y.noteEn, m).map((n) => m.grading.figureNote(m.fiscalYear(y.fiscalYear), n)));
        }
        out.push(...localNoteLines(ind.note, ind.noteEn, m).map((n) => m.labelled(m.plan.note, n)));
      }
      if (p.narrative) {
        const heading = m.plan.narrative(p.narrativeFiscalYear ? m.fiscalYear(p.narrativeFiscalYear) : null);
        out.push('', `■ ${heading}${m.grading.narrativeInJapanese}`, p.narrative);
      }
      out.push('', p.owners.length ? m.plan.owners(p.owners.join(', ')) : m.plan.noOwners);
      return out;
    }
    case 'action_plan_list': {
      const title = listTitle(result.scope, m);
      if (result.items.length === 0) {
        return [title, result.scope.kind === 'search' ? m.list.searchEmpty(result.scope.words.join(' ')) : m.list.empty];
      }
      return [
        m.list.heading(title, m.list.count(result.items.length), m.plan.asOf(m.date(result.asOf))),
        ...result.items.map((i) => {
          const missing = listCompleteness(i.grading, m);
          const grade = [listGradeWords(i.grading, m), ...(missing ? [missing] : [])].join(m.separator);
          const name = `${m.circled(i.number)} ${localName(i.name, i.nameEn, m)}`;
          return `${rankMark(i.grading.latest?.result.grade ?? null, m)} ${name}  [${localName(i.theme, i.themeEn, m)}]  ${grade}`;
        }),
        '',
        m.grading.listLegend,
        m.list.hint,
      ];
    }
    case 'overdue':
      if (result.closed) return [overdueClosedWords(result.closed, m)];
      if (result.groups.length === 0) return [m.overdue.none(m.date(result.asOf))];
      return [
        m.overdue.title(m.date(result.asOf)),
        m.grading.overdueTotal(result.figureCount, result.groups.length),
        ...result.groups.map(
          (g) =>
            `${m.circled(g.actionPlan.number)} ${localName(g.actionPlan.name, g.actionPlan.nameEn, m)}: ${overdueGroupWords(g, m)}`,
        ),
      ];
    case 'history': {
      const title = m.history.title(m.circled(result.actionPlan.number), localName(result.actionPlan.name, result.actionPlan.nameEn, m));
      if (result.entries.length === 0 && result.targetRevisions.length === 0) return [title, m.history.empty];
      const out = [title];
      let indicator = '';
      for (const e of result.entries) {
        if (e.indicatorName !== indicator) {
          indicator = e.indicatorName;
          out.push('', `■ ${localName(e.indicatorName, e.indicatorNameEn, m)}`);
        }
        const value = `${m.withUnit(e.value, localUnit({ unit: e.unit, unitEn: e.unitEn }, m))}${e.provisional ? m.paren(m.provisional) : ''}`;
        const fy = m.fiscalYear(e.fiscalYear);
        const source = m.history.source[e.source] ?? e.source;
        const entry =
          e.source === 'seed'
            ? m.grading.historySeed(fy, value, source, m.date(dayOf(e.recordedAt)))
            : m.history.entry(fy, value, e.recordedBy, m.instant(e.recordedAt), source);
        const note = localNoteLines(e.note, e.noteEn, m).join(' ');
        out.push(`${e.current ? '●' : '○'} ${entry}${note ? ` — ${note}` : ''}${e.correction === null ? '' : ` — ${m.review.history.correction(e.correction)}`}`);
      }
      if (result.targetRevisions.length) out.push('', `■ ${m.review.history.targets}`);
      for (const t of result.targetRevisions) {
        out.push(
          `${t.indicatorName}　${m.review.history.target(m.fiscalYear(t.fiscalYear), targetWords(t.previous, t, m), targetWords(t.target, t, m), t.revisedBy, m.instant(t.revisedAt))}`,
          `  ${m.review.history.why(t.reason, t.decision)}`,
        );
      }
      return out;
    }
    case 'owners': {
      const out: string[] = [];
      if (result.change) {
        const { action, userId, changed } = result.change;
        out.push(
          action === 'add'
            ? changed ? m.owners.added(userId) : m.owners.alreadyOwner(userId)
            : changed ? m.owners.removed(userId) : m.owners.notOwner(userId),
        );
      }
      out.push(m.owners.title(m.circled(result.actionPlan.number), localName(result.actionPlan.name, result.actionPlan.nameEn, m)));
      out.push(result.owners.length ? result.owners.map((o) => `・${o}`).join('\n') : m.owners.none);
      return out;
    }
    case 'plan_closure':
      return [closureWords(result, m)];
    case 'settings':
      return settingsLines(result, m, TERMINAL_STYLE);
    case 'alerts_preview':
      return [renderAlertPreviewText(result.preview, m)];
    case 'reminders_preview':
      return [renderReminderPreviewText(result.preview, m)];
    case 'review':
      return reviewTextLines(result.review, m);
    case 'open_figure_form':
      return [m.errors.cliCannotOpenForms(result.actionPlanNumber)];
    case 'plan_list':
      return [m.exchange.plans.title, ...planLines(result.plans, m), '', m.exchange.plans.hint];
    case 'export':
      return [exportPreparing(result.format, m)];
    case 'help':
      return [
        m.help.title,
        m.help.intro,
        '',
        ...table(helpRows(m).map(([usage, what]) => [usage, what])),
        '',
        m.help.share,
        m.help.statusLegend,
        m.grading.listLegend,
      ];
    case 'error':
      return wantsHelpHint(result.error) ? [errorText(result.error, m), m.errors.seeHelp] : [errorText(result.error, m)];
  }
}

/** Columns padded by display width: CJK characters take two cells in a terminal. */
function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell))))
      .join('  ')
      .trimEnd(),
  );
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfe0f) continue;
    width += cp >= 0x1100 && (cp <= 0x115f || cp >= 0x2e80) ? 2 : 1;
  }
  return width;
}
