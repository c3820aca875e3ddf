import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext } from '../../commands/context.ts';
import type { ActionPlanSummary, CommandResult } from '../../commands/results.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import type { Plan } from '../../src/store/schema.ts';
import { tempDatabase } from '../support/temp-db.ts';

/** Grades as the answers carry them: the store's kinds and 評価期間前 years through the grading engine. */

let t: Awaited<ReturnType<typeof tempDatabase>>;
let plan: Plan;

const ask = async (text: string) =>
  answer(
    text,
    makeContext({
      db: t.db,
      plan,
      now: new Date('2024-07-01T09:00:00+09:00'),
      dueRule: DEFAULT_DUE_DATE_RULE,
      actor: { id: 'U0STAFF', isAdmin: false, canOpenForms: true },
    }),
  );

function only<K extends CommandResult['kind']>(result: CommandResult, kind: K): Extract<CommandResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${result.kind}`);
  return result as Extract<CommandResult, { kind: K }>;
}

beforeAll(async () => {
  t = await tempDatabase();
  plan = (await findPlan(t.db))!;
});
afterAll(() => t.cleanup());

describe('grading in the answers', () => {
  it('grades ⑬ A for FY2020 at 166 %, apart from the missing later years', async () => {
    const { plan: p } = only(await ask('13'), 'action_plan');
    expect(p.grading.scheme).toBe('abcd');
    expect(p.grading.latest?.fiscalYear).toBe(2020);
    expect(p.grading.latest?.result.grade).toBe('A');
    const achievement = p.grading.latest?.result.indicators[0]?.achievement;
    expect(achievement?.kind).toBe('ratio');
    expect(Math.round((achievement?.value ?? 0) * 100)).toBe(166);
    expect(p.grading.missingYears).toEqual([2021, 2022, 2023]);
  });

  it('tells ③ ④ ⑧ ⑭ (missed) from ⑤ (226 %) in the list', async () => {
    const { items } = only(await ask('list'), 'action_plan_list');
    const grade = (n: number) => items.find((i: ActionPlanSummary) => i.number === n)!.grading.latest?.result.grade ?? null;
    expect([grade(3), grade(4), grade(8), grade(14)]).toEqual(['D', 'D', 'C', 'C']);
    expect(grade(5)).toBe('A');
    expect(grade(7)).toBeNull();
  });

  it('marks FY2020 of ⑥ GIS as 評価期間前 and gives ④ its gap in points', async () => {
    const six = only(await ask('6'), 'action_plan').plan;
    const gis = six.indicators.find((i) => i.name.includes('GIS'))!;
    const fy2020 = gis.years.find((y) => y.fiscalYear === 2020)!;
    expect(fy2020.beforeEvaluation).toBe(true);
    expect(fy2020.grade.reason).toBe('before_evaluation_period');
    const four = only(await ask('4'), 'action_plan').plan;
    const gap = four.indicators[0]!.years.find((y) => y.fiscalYear === 2020)!.grade.achievement;
    expect(gap?.kind).toBe('points');
    expect(gap?.value).toBeCloseTo(-26.68, 2);
  });

  it('carries English names from the seed', async () => {
    const { plan: p } = only(await ask('13'), 'action_plan');
    expect(p.nameEn).toMatch(/[A-Za-z]/);
    expect(p.indicators[0]!.nameEn).toMatch(/[A-Za-z]/);
  });
});

describe('every seed indicator, graded by its kind’s rule through the store (FY2020, A–D)', () => {
  // [action plan, indicator position, kind, grade or reason, achievement kind]
  const FY2020: [number, number, string, string, string | null][] = [
    [1, 1, 'percentage', 'A', 'ratio'],
    [2, 1, 'percentage', 'A', 'ratio'],
    [3, 1, 'count', 'D', 'ratio'],
    [4, 1, 'change_points', 'D', 'points'],
    [5, 1, 'count', 'A', 'ratio'],
    [6, 1, 'change_points', 'A', 'points'],
    [6, 2, 'count', 'before_evaluation_period', null],
    [7, 1, 'count', 'before_evaluation_period', null],
    [8, 1, 'percentage', 'C', 'ratio'],
    [8, 2, 'percentage', 'C', 'ratio'],
    [9, 1, 'count', 'before_evaluation_period', null],
    [10, 1, 'count', 'before_evaluation_period', null],
    [11, 1, 'max_threshold', 'A', 'margin'],
    [11, 2, 'max_threshold', 'before_evaluation_period', null],
    [12, 1, 'percentage', 'A', 'ratio'],
    [13, 1, 'count', 'A', 'ratio'],
    [14, 1, 'count', 'C', 'ratio'],
    [15, 1, 'count', 'before_evaluation_period', null],
    [16, 1, 'count', 'before_evaluation_period', null],
    [17, 1, 'percentage', 'before_evaluation_period', null],
    [18, 1, 'percentage', 'before_evaluation_period', null],
    [19, 1, 'count', 'A', 'ratio'],
    [20, 1, 'count', 'A', 'ratio'],
  ];

  it('covers all 23 indicators of the seed', async () => {
    const { items } = only(await ask('list'), 'action_plan_list');
    expect(items.reduce((n, i) => n + i.indicatorCount, 0)).toBe(FY2020.length);
  });

  it.each(FY2020)('action plan %i indicator %i (%s): %s', async (n, position, kind, expected, achievement) => {
    const indicator = only(await ask(String(n)), 'action_plan').plan.indicators[position - 1]!;
    expect(indicator.kind).toBe(kind);
    const { grade } = indicator.years.find((y) => y.fiscalYear === 2020)!;
    if (achievement === null) {
      expect(grade).toMatchObject({ grade: null, reason: expected, achievement: null });
    } else {
      expect(grade).toMatchObject({ grade: expected, reason: null, achievement: { kind: achievement } });
    }
  });
});
