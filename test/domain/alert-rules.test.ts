import { describe, expect, it } from 'vitest';
import {
  alertKeyOf,
  chasesMissingActuals,
  findAlerts,
  keyString,
  selectNewAlerts,
  type AlertFinding,
  type FigureFact,
} from '../../src/domain/alert-rules.ts';

const fact = (over: Partial<FigureFact> = {}): FigureFact => ({
  actionPlanId: 1,
  indicatorId: 10,
  fiscalYear: 2023,
  target: 50,
  direction: 'higher_is_better',
  actual: null,
  ...over,
});

const OWNED = new Set([1]);
const rules = (facts: FigureFact[], today: string, owned: Set<number> = OWNED, dueSoonDays = 14) =>
  findAlerts(facts, owned, { today, dueSoonDays });

describe('overdue rule', () => {
  it('treats the due date itself (30 June) as still in time: due soon, not overdue', () => {
    const [finding] = rules([fact()], '2024-06-30');
    expect(finding).toMatchObject({ rule: 'due_soon', dueDate: '2024-06-30', daysLeft: 0 });
  });

  it('makes a figure overdue the day after its due date, one day late', () => {
    expect(rules([fact()], '2024-07-01')).toEqual([
      expect.objectContaining({ rule: 'overdue', fiscalYear: 2023, target: 50, dueDate: '2024-06-30', daysLate: 1 }),
    ]);
  });

  it('counts days late across years', () => {
    expect(rules([fact({ fiscalYear: 2021 })], '2024-07-01')[0]).toMatchObject({ rule: 'overdue', daysLate: 732 });
  });

  it('says nothing about a year without a target, or one with an actual that met it', () => {
    const facts = [fact({ target: null }), fact({ fiscalYear: 2022, actual: { value: 60, revisionId: 5 } })];
    expect(rules(facts, '2024-07-01')).toEqual([]);
  });

  it('follows a configured due date rule', () => {
    const options = { dueSoonDays: 14, dueRule: { month: 9, day: 30 } };
    expect(findAlerts([fact()], OWNED, { ...options, today: '2024-07-01' })).toEqual([]);
    expect(findAlerts([fact()], OWNED, { ...options, today: '2024-09-20' })[0]).toMatchObject({
      rule: 'due_soon',
      dueDate: '2024-09-30',
      daysLeft: 10,
    });
  });
});

describe('due soon rule', () => {
  it('starts exactly N days before the due date', () => {
    expect(rules([fact()], '2024-06-16')[0]).toMatchObject({ rule: 'due_soon', daysLeft: 14 });
    expect(rules([fact()], '2024-06-15')).toEqual([]);
  });

  it('honours another window, including zero (only on the day itself)', () => {
    expect(rules([fact()], '2024-06-29', OWNED, 0)).toEqual([]);
    expect(rules([fact()], '2024-06-30', OWNED, 0)[0]).toMatchObject({ rule: 'due_soon', daysLeft: 0 });
  });

  it('finds nothing due soon on the seeded calendar in July (every open figure is already late)', () => {
    const findings = rules([fact({ fiscalYear: 2024 })], '2024-07-01');
    expect(findings).toEqual([]);
  });
});

describe('off-target rule', () => {
  const missed = (over: Partial<FigureFact> = {}) =>
    fact({ fiscalYear: 2023, target: 50, actual: { value: 40, revisionId: 7 }, ...over });

  it('waits for the fiscal year to close: nothing on 31 March, off target on 1 April', () => {
    expect(rules([missed()], '2024-03-31')).toEqual([]);
    expect(rules([missed()], '2024-04-01')).toEqual([
      expect.objectContaining({ rule: 'off_target', fiscalYear: 2023, actual: 40, target: 50, revisionId: 7 }),
    ]);
  });

  it('respects lower-is-better: 20 minutes misses a 15-minute target, 15 meets it', () => {
    const slow = missed({ direction: 'lower_is_better', target: 15, actual: { value: 20, revisionId: 8 } });
    const onTime = missed({ direction: 'lower_is_better', target: 15, actual: { value: 15, revisionId: 9 } });
    expect(rules([slow, onTime], '2024-07-01')).toEqual([expect.objectContaining({ rule: 'off_target', revisionId: 8 })]);
  });
});

describe('no-owner rule', () => {
  it('flags an action plan with overdue figures and no owner, once per plan', () => {
    const facts = [fact({ actionPlanId: 2 }), fact({ actionPlanId: 2, fiscalYear: 2022 }), fact({ actionPlanId: 1 })];
    const noOwner = rules(facts, '2024-07-01').filter((f) => f.rule === 'no_owner');
    expect(noOwner).toEqual([{ rule: 'no_owner', actionPlanId: 2, overdueCount: 2 }]);
  });

  it('does not flag an unowned plan that is only due soon or off target', () => {
    const facts = [fact({ actionPlanId: 3 }), fact({ actionPlanId: 3, fiscalYear: 2022, actual: { value: 1, revisionId: 1 } })];
    expect(rules(facts, '2024-06-20', new Set()).map((f) => f.rule).sort()).toEqual(['due_soon', 'off_target']);
  });
});

describe('what counts as new', () => {
  const overdue = rules([fact({ fiscalYear: 2021 })], '2024-07-01')[0]!;
  const offTarget = rules([fact({ fiscalYear: 2021, actual: { value: 1, revisionId: 3 } })], '2024-07-01')[0]!;
  const sent = (finding: AlertFinding, day: string) => new Map([[keyString(alertKeyOf(finding)), day]]);
  const select = (findings: AlertFinding[], lastSent: Map<string, string>, today: string) =>
    selectNewAlerts(findings, lastSent, { today, repeatDays: 7 });

  it('sends whatever the ledger has never seen', () => {
    expect(select([overdue, offTarget], new Map(), '2024-07-01')).toEqual([overdue, offTarget]);
  });

  it('repeats an overdue figure once the repeat interval has passed, not before', () => {
    expect(select([overdue], sent(overdue, '2024-07-01'), '2024-07-01')).toEqual([]);
    expect(select([overdue], sent(overdue, '2024-07-01'), '2024-07-07')).toEqual([]);
    expect(select([overdue], sent(overdue, '2024-07-01'), '2024-07-08')).toEqual([overdue]);
  });

  it('never repeats an off-target revision, but alerts again for a new revision that still misses', () => {
    expect(select([offTarget], sent(offTarget, '2024-07-01'), '2025-07-01')).toEqual([]);
    const revised = { ...offTarget, revisionId: 4 } as AlertFinding;
    expect(select([revised], sent(offTarget, '2024-07-01'), '2024-07-02')).toEqual([revised]);
  });

  it('treats a ledger entry from a later --date as recent, so running back in time repeats nothing', () => {
    expect(select([overdue], sent(overdue, '2024-09-01'), '2024-07-01')).toEqual([]);
  });

  it('keys plan-wide alerts without indicator or year', () => {
    const noOwner: AlertFinding = { rule: 'no_owner', actionPlanId: 4, overdueCount: 1 };
    expect(keyString(alertKeyOf(noOwner))).toBe('no_owner:4:-:-:-');
    expect(keyString(alertKeyOf(offTarget))).toBe('off_target:1:10:2021:3');
  });
});

describe('a closed plan (#13)', () => {
  const options = { today: '2024-07-01', dueSoonDays: 14 };
  const facts = [
    fact({ fiscalYear: 2022 }), // overdue
    fact({ fiscalYear: 2023, indicatorId: 11 }), // due 2024-06-30: overdue by a day
    fact({ fiscalYear: 2021, indicatorId: 12, actual: { value: 10, revisionId: 7 } }), // missed
  ];

  it('no longer chases missing actuals: no overdue, due-soon or no-owner findings', () => {
    const open = findAlerts(facts, new Set(), options).map((f) => f.rule);
    expect(open.sort()).toEqual(['no_owner', 'off_target', 'overdue', 'overdue']);
    const closed = findAlerts(facts, new Set(), { ...options, planClosed: true });
    expect(closed.map((f) => f.rule)).toEqual(['off_target']);
    expect(findAlerts([fact({ fiscalYear: 2023 })], OWNED, { today: '2024-06-20', dueSoonDays: 14, planClosed: true })).toEqual([]);
  });

  it('is decided in one place', () => {
    expect(chasesMissingActuals({ closed: false })).toBe(true);
    expect(chasesMissingActuals({ closed: true })).toBe(false);
  });
});
