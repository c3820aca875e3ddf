import { describe, expect, it } from 'vitest';
import {
  STATUS_SEVERITY,
  achievementRate,
  figureStatus,
  meetsTarget,
  worstStatus,
  type FigureStatus,
} from '../../src/domain/status.ts';

const higher = 'higher_is_better' as const;
const lower = 'lower_is_better' as const;

describe('meetsTarget', () => {
  it('counts reaching a "more is better" target exactly as meeting it', () => {
    expect(meetsTarget(100, 100, higher)).toBe(true);
    expect(meetsTarget(101, 100, higher)).toBe(true);
    expect(meetsTarget(99.9, 100, higher)).toBe(false);
  });

  it('counts 15 minutes as meeting "within 15 minutes"', () => {
    expect(meetsTarget(15, 15, lower)).toBe(true);
    expect(meetsTarget(14, 15, lower)).toBe(true);
    expect(meetsTarget(16, 15, lower)).toBe(false);
  });
});

describe('figureStatus', () => {
  const fy2021 = { fiscalYear: 2021, direction: higher };

  describe('without a target', () => {
    it('is no_target when nothing has been reported', () => {
      expect(figureStatus({ ...fy2021, target: null, actual: null }, '2023-01-01')).toBe('no_target');
    });

    it('is still no_target once an actual figure exists', () => {
      expect(figureStatus({ ...fy2021, target: null, actual: 42 }, '2023-01-01')).toBe('no_target');
    });
  });

  describe('with a target and an actual figure for a closed year', () => {
    it('is achieved when the actual meets the target', () => {
      expect(figureStatus({ ...fy2021, target: 100, actual: 120 }, '2022-04-01')).toBe('achieved');
    });

    it('is missed when the actual falls short', () => {
      expect(figureStatus({ ...fy2021, target: 100, actual: 80 }, '2022-04-01')).toBe('missed');
    });

    it('is missed for a negative actual against a positive target', () => {
      expect(figureStatus({ ...fy2021, target: 10, actual: -16.68 }, '2022-05-01')).toBe('missed');
    });
  });

  describe('with a provisional, mid-year figure', () => {
    it('is already achieved on 31 March when the target is met', () => {
      expect(figureStatus({ ...fy2021, target: 100, actual: 100 }, '2022-03-31')).toBe('achieved');
    });

    it('is pending on 31 March when short, since the year is not over', () => {
      expect(figureStatus({ ...fy2021, target: 100, actual: 80 }, '2022-03-31')).toBe('pending');
    });

    it('becomes missed on 1 April when still short', () => {
      expect(figureStatus({ ...fy2021, target: 100, actual: 80 }, '2022-04-01')).toBe('missed');
    });
  });

  describe('with a target but no actual figure', () => {
    it('is pending during the year', () => {
      expect(figureStatus({ ...fy2021, target: 100, actual: null }, '2021-10-01')).toBe('pending');
    });

    it('is pending after the year closes but before the due date', () => {
      expect(figureStatus({ ...fy2021, target: 100, actual: null }, '2022-04-01')).toBe('pending');
    });

    it('is still pending on the due date itself', () => {
      expect(figureStatus({ ...fy2021, target: 100, actual: null }, '2022-06-30')).toBe('pending');
    });

    it('is overdue from the day after the due date', () => {
      expect(figureStatus({ ...fy2021, target: 100, actual: null }, '2022-07-01')).toBe('overdue');
    });

    it('follows a custom due date rule', () => {
      const rule = { month: 5, day: 31 };
      expect(figureStatus({ ...fy2021, target: 100, actual: null }, '2022-05-31', rule)).toBe('pending');
      expect(figureStatus({ ...fy2021, target: 100, actual: null }, '2022-06-01', rule)).toBe('overdue');
    });
  });

  describe('for a lower-is-better indicator', () => {
    const waiting = { fiscalYear: 2021, direction: lower, target: 15 };

    it('is achieved at exactly the limit (15 against 15分以内)', () => {
      expect(figureStatus({ ...waiting, actual: 15 }, '2022-04-01')).toBe('achieved');
    });

    it('is missed one over the limit once the year closes', () => {
      expect(figureStatus({ ...waiting, actual: 16 }, '2022-04-01')).toBe('missed');
    });

    it('is pending one over the limit mid-year', () => {
      expect(figureStatus({ ...waiting, actual: 16 }, '2022-03-31')).toBe('pending');
    });
  });

  it('refuses a "today" that is not a calendar day', () => {
    expect(() => figureStatus({ ...fy2021, target: 1, actual: null }, '2022-06-31')).toThrow(RangeError);
  });
});

describe('achievementRate', () => {
  it('divides actual by target when more is better', () => {
    expect(achievementRate(150, 100, higher)).toBe(1.5);
  });

  it('divides target by actual when less is better', () => {
    expect(achievementRate(20, 15, lower)).toBe(0.75);
    expect(achievementRate(10, 15, lower)).toBe(1.5);
  });

  it('is null when the target is zero for a more-is-better indicator', () => {
    expect(achievementRate(5, 0, higher)).toBeNull();
  });

  it('is null when the actual is zero for a less-is-better indicator', () => {
    expect(achievementRate(0, 15, lower)).toBeNull();
  });

  it('can go negative for a negative actual', () => {
    expect(achievementRate(-16.68, 10, higher)).toBeCloseTo(-1.668);
  });
});

describe('worstStatus', () => {
  it('orders severity overdue > missed > pending > achieved > no_target', () => {
    const order: FigureStatus[] = ['overdue', 'missed', 'pending', 'achieved', 'no_target'];
    const severities = order.map((s) => STATUS_SEVERITY[s]);
    expect([...severities].sort((a, b) => b - a)).toEqual(severities);
    expect(new Set(severities).size).toBe(order.length);
  });

  it.each<[FigureStatus[], FigureStatus]>([
    [['achieved', 'overdue', 'pending'], 'overdue'],
    [['achieved', 'missed', 'pending'], 'missed'],
    [['no_target', 'pending', 'achieved'], 'pending'],
    [['no_target', 'achieved'], 'achieved'],
    [['no_target'], 'no_target'],
  ])('picks the worst of %j as %s', (statuses, expected) => {
    expect(worstStatus(statuses)).toBe(expected);
  });

  it('is null for no statuses', () => {
    expect(worstStatus([])).toBeNull();
  });
});
