import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DUE_DATE_RULE,
  PLAN_TIME_ZONE,
  civilDateInTokyo,
  dueDateOf,
  eraYearLabel,
  fiscalYearFirstDay,
  fiscalYearLastDay,
  fiscalYearOf,
  isCivilDate,
  isFiscalYearClosed,
  parseDueDateRule,
  parseFiscalYear,
  tokyoClock,
  tokyoInstant,
} from '../../src/domain/fiscal-year.ts';

describe('the plan time zone', () => {
  it('is Tokyo', () => {
    expect(PLAN_TIME_ZONE).toBe('Asia/Tokyo');
  });
});

describe("Tokyo's clock, by arithmetic (#14: no time-zone database)", () => {
  // What the time-zone database says, through Intl (loaded here only).
  const zone = new Intl.DateTimeFormat('en-US', {
    timeZone: PLAN_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const fromZone = (instant: Date) => {
    const part = (type: string) => Number(zone.formatToParts(instant).find((p) => p.type === type)!.value);
    return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
  };

  it('reads what the time-zone database reads, at every hour of the plan years and at turns of day and year', () => {
    const instants = [new Date('2019-03-31T14:59:00Z'), new Date('2019-03-31T15:00:00Z'), new Date('2023-12-31T15:00:00Z')];
    // Every 7 hours and 13 minutes from FY2019 to FY2030: every hour of the day, on every kind of day.
    for (let ms = Date.UTC(2019, 3, 1); ms < Date.UTC(2031, 3, 1); ms += (7 * 60 + 13) * 60_000) instants.push(new Date(ms));
    for (const instant of instants) expect(tokyoClock(instant), instant.toISOString()).toEqual(fromZone(instant));
  });

  it('finds the instant at which Tokyo reads a time of day, and refuses an invalid instant', () => {
    expect(tokyoInstant('2024-07-01', 9, 30).toISOString()).toBe('2024-07-01T00:30:00.000Z');
    expect(tokyoInstant('2025-01-01', 0, 0).toISOString()).toBe('2024-12-31T15:00:00.000Z');
    for (const [day, hour, minute] of [['2024-03-31', 23, 59], ['2024-04-01', 0, 0], ['2026-12-01', 17, 5]] as const) {
      const t = tokyoClock(tokyoInstant(day, hour, minute));
      expect([`${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`, t.hour, t.minute]).toEqual([day, hour, minute]);
    }
    expect(() => tokyoClock(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('civilDateInTokyo', () => {
  it.each([
    ['2022-03-31T14:59:59Z', '2022-03-31'],
    ['2022-03-31T15:00:00Z', '2022-04-01'],
    ['2021-12-31T15:00:00Z', '2022-01-01'],
    ['2022-04-01T00:00:00+09:00', '2022-04-01'],
  ])('reads the instant %s as the Tokyo day %s', (instant, expected) => {
    expect(civilDateInTokyo(new Date(instant))).toBe(expected);
  });

  it('refuses an invalid Date rather than inventing a day', () => {
    expect(() => civilDateInTokyo(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('isCivilDate', () => {
  it.each(['2022-04-01', '2024-02-29', '2000-02-29', '2021-12-31'])('accepts the real day %s', (s) => {
    expect(isCivilDate(s)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2021-04-31',
    '2021-13-01',
    '2021-00-10',
    '2021-01-00',
    '2021-4-1',
    '2021-04-01T00:00:00Z',
    '20210401',
    '',
  ])('rejects %j', (s) => {
    expect(isCivilDate(s)).toBe(false);
  });
});

describe('fiscalYearOf', () => {
  it('treats 31 March as the last day of the previous fiscal year', () => {
    expect(fiscalYearOf('2022-03-31')).toBe(2021);
  });

  it('starts a new fiscal year on 1 April', () => {
    expect(fiscalYearOf('2022-04-01')).toBe(2022);
  });

  it('keeps January to March in the fiscal year that began the April before', () => {
    expect(fiscalYearOf('2022-01-01')).toBe(2021);
    expect(fiscalYearOf('2021-12-31')).toBe(2021);
  });

  it('refuses something that is not a calendar day', () => {
    expect(() => fiscalYearOf('2022-02-30')).toThrow(RangeError);
  });
});

describe('fiscal year bounds', () => {
  it('runs from 1 April to 31 March of the following calendar year', () => {
    expect(fiscalYearFirstDay(2021)).toBe('2021-04-01');
    expect(fiscalYearLastDay(2021)).toBe('2022-03-31');
  });
});

describe('isFiscalYearClosed', () => {
  it('keeps the year open on its last day, 31 March', () => {
    expect(isFiscalYearClosed(2021, '2022-03-31')).toBe(false);
  });

  it('closes the year on the following 1 April', () => {
    expect(isFiscalYearClosed(2021, '2022-04-01')).toBe(true);
  });

  it('treats a year that has not started yet as open', () => {
    expect(isFiscalYearClosed(2023, '2022-04-01')).toBe(false);
  });
});

describe('dueDateOf', () => {
  it('defaults to 30 June after the year closes', () => {
    expect(DEFAULT_DUE_DATE_RULE).toEqual({ month: 6, day: 30 });
    expect(dueDateOf(2021)).toBe('2022-06-30');
  });

  it('follows a custom rule', () => {
    expect(dueDateOf(2021, { month: 5, day: 15 })).toBe('2022-05-15');
    expect(dueDateOf(2021, { month: 12, day: 1 })).toBe('2022-12-01');
  });

  it('clamps a day past the end of the month to the last day of that month', () => {
    expect(dueDateOf(2021, { month: 6, day: 31 })).toBe('2022-06-30');
    expect(dueDateOf(2021, { month: 9, day: 31 })).toBe('2022-09-30');
  });

  it('refuses a rule that would fall before the year closes', () => {
    expect(() => dueDateOf(2021, { month: 3, day: 31 })).toThrow(RangeError);
  });
});

describe('parseDueDateRule', () => {
  it.each([
    ['06-30', { month: 6, day: 30 }],
    ['6-30', { month: 6, day: 30 }],
    ['04-01', { month: 4, day: 1 }],
    ['12-31', { month: 12, day: 31 }],
    ['０６－３０', { month: 6, day: 30 }],
    [' 7-15 ', { month: 7, day: 15 }],
  ])('reads %j as %j', (text, expected) => {
    expect(parseDueDateRule(text)).toEqual(expected);
  });

  it.each(['03-31', '01-15', '13-01', '00-10', '06-00', '06-31', '6/30', '06-30-2022', '630', 'June 30', ''])(
    'rejects %j',
    (text) => {
      expect(parseDueDateRule(text)).toBeNull();
    },
  );
});

describe('eraYearLabel', () => {
  it('writes the first Reiwa fiscal year as 元年度', () => {
    expect(eraYearLabel(2019)).toEqual({ era: '令和', year: 1, ja: '令和元年度', en: 'FY2019' });
  });

  it('numbers later Reiwa years', () => {
    expect(eraYearLabel(2021)).toEqual({ era: '令和', year: 3, ja: '令和3年度', en: 'FY2021' });
  });

  it('uses Heisei up to FY2018', () => {
    expect(eraYearLabel(2018)).toEqual({ era: '平成', year: 30, ja: '平成30年度', en: 'FY2018' });
    expect(eraYearLabel(1989).ja).toBe('平成元年度');
  });

  it('refuses fiscal years before Heisei', () => {
    expect(() => eraYearLabel(1988)).toThrow(RangeError);
  });
});

describe('parseFiscalYear', () => {
  it.each([
    ['2021', 2021],
    ['FY2021', 2021],
    ['fy2021', 2021],
    ['FY 2021', 2021],
    ['2021年度', 2021],
    ['R3', 2021],
    ['r3', 2021],
    ['R03', 2021],
    ['令和3', 2021],
    ['令和3年度', 2021],
    ['令和元年度', 2019],
    ['令和元', 2019],
    ['R1', 2019],
    ['H30', 2018],
    ['平成30年度', 2018],
    ['平成31年度', 2019],
    ['平成元年度', 1989],
    ['２０２１', 2021],
    ['令和３年度', 2021],
    ['ＦＹ２０２１', 2021],
    ['  2021  ', 2021],
    ['1989', 1989],
    ['2100', 2100],
  ])('reads %j as fiscal year %i', (input, fiscalYear) => {
    expect(parseFiscalYear(input)).toEqual({ ok: true, fiscalYear });
  });

  it.each(['', '   ', '\u3000'])('calls %j empty', (input) => {
    expect(parseFiscalYear(input)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    'abc',
    '2021-22',
    'R',
    '令和',
    '3',
    '20211',
    '令和0年度',
    'R0',
    '-2021',
    '−2021',
    'FY',
    '2021年',
    'FY21',
    '令和3年度です',
    '2'.repeat(200),
    `FY${' '.repeat(40)}2021`,
  ])('does not recognise %j', (input) => {
    expect(parseFiscalYear(input)).toEqual({ ok: false, reason: 'unrecognised' });
  });

  it.each(['1988', '2101', '0999', '9999', '平成32年度', 'H99', '令和100', 'R100'])(
    'calls the well-formed but unsupported %j out of range',
    (input) => {
      expect(parseFiscalYear(input)).toEqual({ ok: false, reason: 'out_of_range' });
    },
  );
});
