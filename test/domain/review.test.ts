import { describe, expect, it } from 'vitest';
import { gradesOf } from '../../src/domain/grading.ts';
import {
  checkMeetingDate,
  checkReviewYear,
  checkText,
  committeeMembers,
  isGradeOfScheme,
  latestBy,
  membersYetToGrade,
  missingActuals,
  parseGradeWord,
  reminderDue,
  tallyGrades,
  type FigureForCompleteness,
} from '../../src/domain/review.ts';

const PERIOD = { firstFiscalYear: 2019, lastFiscalYear: 2023 };

describe('grades typed by a person', () => {
  it.each([
    ['A', 'A'],
    ['a', 'A'],
    ['Ｂ', 'B'],
    [' d ', 'D'],
    ['◎', 'double_circle'],
    ['○', 'circle'],
    ['〇', 'circle'],
    ['◯', 'circle'],
    ['△', 'triangle'],
    ['×', 'cross'],
    ['x', 'cross'],
    ['達成', 'achieved'],
    ['前進', 'advanced'],
    ['横ばい', 'flat'],
    ['後退', 'declined'],
    ['flat', 'flat'],
  ])('reads %j as %s', (word, code) => {
    expect(parseGradeWord(word)).toBe(code);
  });

  it.each(['E', 'AA', '', '1', 'constructor', '__proto__', 'toString', '◎◎'])('refuses %j', (word) => {
    expect(parseGradeWord(word)).toBeNull();
  });

  it('takes a grade only in its own scheme', () => {
    expect(isGradeOfScheme('A', 'abcd')).toBe(true);
    expect(isGradeOfScheme('A', 'marks')).toBe(false);
    expect(isGradeOfScheme('circle', 'marks')).toBe(true);
    expect(isGradeOfScheme('achieved', 'trend')).toBe(true);
    expect(isGradeOfScheme('achieved', 'abcd')).toBe(false);
    expect(gradesOf('marks')).toEqual(['double_circle', 'circle', 'triangle', 'cross']);
  });
});

describe('text a person writes', () => {
  it('trims, reads blank as none, and refuses blank when required', () => {
    expect(checkText('  意見  ', { required: false, limit: 10 })).toEqual({ ok: true, text: '意見' });
    expect(checkText('   ', { required: false, limit: 10 })).toEqual({ ok: true, text: null });
    expect(checkText(null, { required: true, limit: 10 })).toEqual({ ok: false, problem: { code: 'required' } });
  });

  it('counts characters as a person does (an emoji is one)', () => {
    expect(checkText('😀'.repeat(10), { required: true, limit: 10 }).ok).toBe(true);
    expect(checkText('あ'.repeat(11), { required: true, limit: 10 })).toEqual({
      ok: false,
      problem: { code: 'too_long', length: 11, limit: 10 },
    });
  });
});

describe('which years a review can open', () => {
  it('opens a closed year of the plan', () => {
    expect(checkReviewYear(2020, PERIOD, '2021-04-01')).toEqual({ ok: true });
  });

  it('refuses a year still running, and one outside the plan', () => {
    expect(checkReviewYear(2020, PERIOD, '2021-03-31')).toEqual({ ok: false, problem: { code: 'year_not_closed' } });
    expect(checkReviewYear(2024, PERIOD, '2030-01-01')).toEqual({
      ok: false,
      problem: { code: 'outside_plan', first: 2019, last: 2023 },
    });
  });

  it('takes a meeting today or later', () => {
    expect(checkMeetingDate('2021-08-20', '2021-08-20').ok).toBe(true);
    expect(checkMeetingDate('2021-08-19', '2021-08-20').ok).toBe(false);
  });
});

describe('missing actuals', () => {
  const figure = (overrides: Partial<FigureForCompleteness>): FigureForCompleteness => ({
    actionPlanNumber: 13,
    indicatorName: '無線LANアクセス回数',
    target: 3000,
    actual: 4991,
    provisional: false,
    beforeEvaluation: false,
    ...overrides,
  });

  it('asks for a final actual wherever there is a target', () => {
    expect(missingActuals([figure({})])).toEqual([]);
    expect(missingActuals([figure({ actual: null })])).toEqual([
      { actionPlanNumber: 13, indicatorName: '無線LANアクセス回数', kind: 'no_actual' },
    ]);
    expect(missingActuals([figure({ provisional: true })])).toEqual([
      { actionPlanNumber: 13, indicatorName: '無線LANアクセス回数', kind: 'provisional' },
    ]);
  });

  it('asks nothing of 評価期間前 years or years without a target', () => {
    expect(missingActuals([figure({ actual: null, beforeEvaluation: true }), figure({ target: null, actual: null })])).toEqual([]);
  });
});

describe('the committee', () => {
  it('starts from PLAN_COMMITTEE and applies changes in order, the latest word winning', () => {
    expect(committeeMembers(['U1', 'U2'], [])).toEqual(['U1', 'U2']);
    expect(
      committeeMembers(
        ['U1', 'U2'],
        [
          { userId: 'U3', action: 'add' },
          { userId: 'U1', action: 'remove' },
          { userId: 'U3', action: 'add' },
          { userId: 'U1', action: 'add' },
          { userId: 'U2', action: 'remove' },
        ],
      ),
    ).toEqual(['U3', 'U1']);
  });

  it('counts a configured member once', () => {
    expect(committeeMembers(['U1', 'U1'], [{ userId: 'U1', action: 'add' }])).toEqual(['U1']);
  });
});

describe('reading what was said', () => {
  it('keeps the latest entry per key, in the order keys first came', () => {
    const entries = [
      { k: 'a', v: 1 },
      { k: 'b', v: 2 },
      { k: 'a', v: 3 },
    ];
    expect(latestBy(entries, (e) => e.k)).toEqual([
      { k: 'a', v: 3 },
      { k: 'b', v: 2 },
    ]);
  });

  it('tallies grades best first, leaving out grades nobody gave and no grade at all', () => {
    expect(tallyGrades('abcd', ['B', 'A', 'B', null])).toEqual([
      { grade: 'A', count: 1 },
      { grade: 'B', count: 2 },
    ]);
  });
});

describe('the reminder before a meeting', () => {
  it('is due from a week before the meeting until the day before', () => {
    expect(reminderDue('2021-08-20', '2021-08-12')).toBe(false);
    expect(reminderDue('2021-08-20', '2021-08-13')).toBe(true);
    expect(reminderDue('2021-08-20', '2021-08-19')).toBe(true);
    expect(reminderDue('2021-08-20', '2021-08-20')).toBe(false);
    expect(reminderDue(null, '2021-08-19')).toBe(false);
  });

  it('names the members who still owe a grade for a gradable plan, with how many', () => {
    const grades = [
      { memberId: 'U1', actionPlanId: 1, grade: 'A' },
      { memberId: 'U1', actionPlanId: 2, grade: 'B' },
      { memberId: 'U2', actionPlanId: 1, grade: null },
      { memberId: 'U2', actionPlanId: 3, grade: 'A' },
    ];
    expect(membersYetToGrade(['U1', 'U2', 'U3'], [1, 2], grades)).toEqual([
      { memberId: 'U2', owed: 2 },
      { memberId: 'U3', owed: 2 },
    ]);
  });
});
