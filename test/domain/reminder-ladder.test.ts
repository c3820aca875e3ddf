import { describe, expect, it } from 'vitest';
import {
  currentRung,
  DEFAULT_LADDER,
  isQuietAt,
  isQuietTime,
  ledgerKey,
  planLadder,
  rungName,
  snoozeKey,
  snoozeUntil,
  workingDaysLate,
  type LadderInput,
  type OpenFigure,
} from '../../src/domain/reminder-ladder.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';

const FIGURE: OpenFigure = { actionPlanId: 13, indicatorId: 16, fiscalYear: 2021, target: 7000, direction: 'higher_is_better' };

function input(today: string, over: Partial<LadderInput> = {}): LadderInput {
  return {
    figures: [FIGURE],
    owners: new Map([[13, ['U0OWNER']]]),
    admins: ['U0ADMIN'],
    sent: new Set(),
    snoozes: new Map(),
    today,
    ladder: DEFAULT_LADDER,
    dueRule: DEFAULT_DUE_DATE_RULE,
    ...over,
  };
}

describe('the rungs of the ladder', () => {
  it('climbs −14, −1, 0, +2, then every 7 days while overdue, and nothing before the first step', () => {
    const rungs = [-15, -14, -13, -2, -1, 0, 1, 2, 8, 9, 15, 16, 730].map((d) => currentRung(d, DEFAULT_LADDER));
    expect(rungs).toEqual([null, -14, -14, -14, -1, 0, 0, 2, 2, 9, 9, 16, 730]);
    expect([-14, 0, 9].map(rungName)).toEqual(['d-14', 'd+0', 'd+9']);
  });

  it('follows other steps and repeat intervals', () => {
    const ladder = { steps: [-7, 3], repeatDays: 3, escalateAfterWorkingDays: 5 };
    expect([-8, -7, 2, 3, 5, 6, 9].map((d) => currentRung(d, ladder))).toEqual([null, -7, -7, 3, 3, 6, 9]);
  });
});

describe('working days late', () => {
  it('counts only the city’s working days after the due date (海の日 2022-07-18 and weekends skipped)', () => {
    expect(workingDaysLate('2022-06-30', '2022-06-30')).toBe(0);
    expect(workingDaysLate('2022-06-30', '2022-07-04')).toBe(2);
    expect(workingDaysLate('2022-06-30', '2022-07-14')).toBe(10);
    expect(workingDaysLate('2022-06-30', '2022-07-19')).toBe(12);
    expect(workingDaysLate('2022-06-30', '2030-01-01', 11)).toBe(11);
  });

  it('skips 年末年始 (29 Dec – 3 Jan)', () => {
    expect(workingDaysLate('2022-12-27', '2023-01-05')).toBe(3);
  });
});

describe('quiet hours', () => {
  const quiet = { from: { hour: 20, minute: 0 }, to: { hour: 8, minute: 0 } };
  it('wrap past midnight, in Tokyo time', () => {
    expect(isQuietTime({ hour: 19, minute: 59 }, quiet)).toBe(false);
    expect(isQuietTime({ hour: 20, minute: 0 }, quiet)).toBe(true);
    expect(isQuietTime({ hour: 7, minute: 59 }, quiet)).toBe(true);
    expect(isQuietTime({ hour: 8, minute: 0 }, quiet)).toBe(false);
    expect(isQuietTime({ hour: 12, minute: 0 }, { from: { hour: 12, minute: 0 }, to: { hour: 13, minute: 0 } })).toBe(true);
    expect(isQuietTime({ hour: 3, minute: 0 }, null)).toBe(false);
    // 21:30 in Tokyo is 12:30 UTC.
    expect(isQuietAt(new Date('2022-06-16T12:30:00Z'), quiet)).toBe(true);
    expect(isQuietAt(new Date('2022-06-16T00:00:00Z'), quiet)).toBe(false);
  });
});

describe('who gets what on a day', () => {
  it('writes to each owner once per rung, and not again once it is ledgered', () => {
    const first = planLadder(input('2022-06-16'));
    expect(first.reminders).toEqual([
      { figure: FIGURE, recipient: 'U0OWNER', rung: -14, dueDate: '2022-06-30', daysFromDue: -14 },
    ]);
    expect(first.escalations).toEqual([]);
    const sent = new Set([ledgerKey(16, 2021, 'd-14', 'U0OWNER')]);
    expect(planLadder(input('2022-06-20', { sent })).reminders).toEqual([]);
    expect(planLadder(input('2022-06-29', { sent })).reminders.map((r) => r.rung)).toEqual([-1]);
  });

  it('skips a snoozed person until the snooze ends, then sends the rung current then', () => {
    const until = snoozeUntil('2022-06-29');
    expect(until).toBe('2022-07-06');
    const snoozes = new Map([[snoozeKey(16, 2021, 'U0OWNER'), until]]);
    expect(planLadder(input('2022-07-05', { snoozes })).reminders).toEqual([]);
    expect(planLadder(input('2022-07-06', { snoozes })).reminders.map((r) => [r.rung, r.daysFromDue])).toEqual([[2, 6]]);
  });

  it('tells the admins once the figure is more than N working days late, naming its owners', () => {
    expect(planLadder(input('2022-07-14')).escalations).toEqual([]);
    const { escalations } = planLadder(input('2022-07-15'));
    expect(escalations).toEqual([
      { recipient: 'U0ADMIN', items: [{ figure: FIGURE, rung: 'escalate', owners: ['U0OWNER'], dueDate: '2022-06-30', daysFromDue: 15 }] },
    ]);
    const sent = new Set([ledgerKey(16, 2021, 'escalate', 'U0ADMIN')]);
    expect(planLadder(input('2022-07-20', { sent })).escalations).toEqual([]);
  });

  it('sends a figure nobody owns to the admins from its first rung', () => {
    const owners = new Map<number, string[]>();
    expect(planLadder(input('2022-06-15', { owners })).escalations).toEqual([]);
    const { reminders, escalations } = planLadder(input('2022-06-16', { owners }));
    expect(reminders).toEqual([]);
    expect(escalations[0]!.items.map((i) => i.rung)).toEqual(['unowned']);
  });
});
