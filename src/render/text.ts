import type { CommandResult } from '../../commands/results.ts';
import { renderAlertPreviewText } from './digest/preview.ts';
import type { Messages } from '../messages/index.ts';
import { actualWords, errorText, statusLabel, targetWords, wantsHelpHint } from './describe.ts';
import { chartPictures } from './chart-spec.ts';

/** Plain-text answers for the terminal: the CLI is one more renderer of the same results. */
export function renderText(result: CommandResult, m: Messages): string {
  return lines(result, m).join('\n');
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
      const out = [
        `${m.circled(p.number)} ${p.name}`,
        `${m.plan.policy(p.policy.number, p.policy.name)}${m.separator}${m.plan.theme(p.theme)}`,
        `${m.plan.overallStatus(statusLabel(p.status, m))}${m.paren(m.plan.asOf(m.date(result.asOf)))}`,
      ];
      for (const ind of p.indicators) {
        out.push('', `■ ${ind.name}${m.plan.unitNote(ind.unit, ind.direction === 'lower_is_better')}`);
        const rows = ind.years.map((y) => [m.fiscalYear(y.fiscalYear), targetWords(y.target, ind, m), actualWords(y.actual, y.provisional, ind.unit, m), statusLabel(y.status, m)]);
        out.push(...table([['', m.plan.target, m.plan.actual, ''], ...rows]));
        out.push(
          ind.latest
            ? m.plan.latest(m.fiscalYear(ind.latest.fiscalYear), ind.latest.rate === null ? m.none : m.percent(ind.latest.rate))
            : m.plan.noLatest,
        );
        if (ind.note) out.push(...ind.note.split('\n').map((n) => m.labelled(m.plan.note, n)));
      }
      if (p.narrative) {
        out.push('', `■ ${m.plan.narrative(p.narrativeFiscalYear ? m.fiscalYear(p.narrativeFiscalYear) : null)}`, p.narrative);
      }
      out.push('', p.owners.length ? m.plan.owners(p.owners.join(', ')) : m.plan.noOwners);
      return out;
    }
    case 'action_plan_list': {
      const title =
        result.scope.kind === 'all'
          ? m.list.title
          : result.scope.kind === 'search'
            ? m.list.searchTitle(result.scope.words.join(' '))
            : result.scope.kind === 'policy'
              ? m.list.policyTitle(result.scope.number, result.scope.name)
              : m.list.themeTitle(result.scope.name);
      if (result.items.length === 0) {
        return [title, result.scope.kind === 'search' ? m.list.searchEmpty(result.scope.words.join(' ')) : m.list.empty];
      }
      return [
        m.list.heading(title, m.list.count(result.items.length), m.plan.asOf(m.date(result.asOf))),
        ...result.items.map((i) => `${statusLabel(i.status, m)}  ${m.circled(i.number)} ${i.name}  [${i.theme}]`),
        '',
        m.list.hint,
      ];
    }
    case 'overdue':
      if (result.items.length === 0) return [m.overdue.none(m.date(result.asOf))];
      return [
        m.overdue.title(m.date(result.asOf)),
        ...result.items.map(
          (i) =>
            `${m.circled(i.actionPlan.number)} ${i.actionPlan.name}: ${m.overdue.line(
              m.fiscalYear(i.fiscalYear),
              i.indicator.name,
              m.withUnit(i.target, i.indicator.unit),
              m.date(i.dueDate),
              i.daysLate,
            )}`,
        ),
      ];
    case 'history': {
      const title = m.history.title(m.circled(result.actionPlan.number), result.actionPlan.name);
      if (result.entries.length === 0) return [title, m.history.empty];
      const out = [title];
      let indicator = '';
      for (const e of result.entries) {
        if (e.indicatorName !== indicator) out.push('', `■ ${(indicator = e.indicatorName)}`);
        const who = e.source === 'seed' ? m.history.seedRecorder : e.recordedBy;
        out.push(
          `${e.current ? '●' : '○'} ${m.history.entry(
            m.fiscalYear(e.fiscalYear),
            `${m.withUnit(e.value, e.unit)}${e.provisional ? m.paren(m.provisional) : ''}`,
            who,
            m.instant(e.recordedAt),
            m.history.source[e.source] ?? e.source,
          )}${e.note ? ` — ${e.note}` : ''}`,
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
      out.push(m.owners.title(m.circled(result.actionPlan.number), result.actionPlan.name));
      out.push(result.owners.length ? result.owners.map((o) => `・${o}`).join('\n') : m.owners.none);
      return out;
    }
    case 'alerts_preview':
      return [renderAlertPreviewText(result.preview, m)];
    case 'open_figure_form':
      return [m.errors.cliCannotOpenForms(result.actionPlanNumber)];
    case 'help':
      return [
        m.help.title,
        m.help.intro,
        '',
        ...table(Object.values(m.help.usage).map(([usage, what]) => [usage, what])),
        '',
        m.help.share,
        m.help.statusLegend,
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
