import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.ts';
import { ja } from '../../src/messages/ja.ts';

/** Counts read right in both languages: "1 day late", never "1 days late" (#13). */

describe('English counts', () => {
  it('takes the singular for one, with the Japanese unit or the seed’s English one', () => {
    expect(en.withUnit(1, '人')).toBe('1 person');
    expect(en.withUnit(1, 'people')).toBe('1 person');
    expect(en.withUnit(2124, 'people')).toBe('2,124 people');
    expect(en.withUnit(1, '回')).toBe('1 time');
    expect(en.withUnit(-1, 'cases')).toBe('-1 case');
    expect(en.withUnit(1.5, 'hours')).toBe('1.5 hours');
    expect(en.withUnit(15, 'min')).toBe('15 min');
    expect(en.withUnit(1, '%')).toBe('1%');
  });

  it('counts overdue figures, days and plans', () => {
    expect(en.grading.overdueGroup(1, 'FY2021', '2022-06-30', 1)).toBe('1 figure (FY2021), oldest due 2022-06-30 (1 day late)');
    expect(en.grading.overdueGroup(3, 'FY2021–FY2023', '2022-06-30', 1615)).toBe(
      '3 figures (FY2021–FY2023), oldest due 2022-06-30 (1,615 days late)',
    );
    expect(en.grading.overdueTotal(1, 1)).toBe('1 figure in 1 plan');
    expect(en.grading.points(-1)).toBe('1 point short of target');
    expect(en.grading.points(26.68)).toBe('26.68 points past target');
  });

  it('says "1 item" where a count of items is given', () => {
    expect(en.slack.omitted(1)).toBe('…and 1 more item that did not fit.');
    expect(en.slack.omitted(2)).toBe('…and 2 more items that did not fit.');
    expect(en.alerts.cli.posted('2024-07-01', '#plan', 1, '1.2')).toBe('Posted the reminders for 2024-07-01 to #plan (1 item, ts 1.2).');
    expect(en.alerts.cli.deferred(1)).toBe('1 item over the message limit will follow in the next run.');
  });
});

describe('Japanese spacing and years', () => {
  it('puts no space between a word and a count', () => {
    expect(ja.alerts.cli.deferred(3)).toBe('上限を超えた3件は次回の実行でお知らせします。');
    expect(ja.grading.overdueGroup(3, '令和3〜5年度', '2022年6月30日', 1615)).toBe(
      '3件（令和3〜5年度）・最も古い提出期限 2022年6月30日（1,615日超過）',
    );
  });

  it('writes runs of years as the plan does', () => {
    expect(ja.grading.years([2021, 2022, 2023])).toBe('令和3〜5年度');
    expect(ja.grading.years([2019, 2021])).toBe('令和元年度、令和3年度');
    expect(ja.grading.years([2018, 2019, 2020])).toBe('平成30年度〜令和2年度');
    expect(en.grading.years([2023, 2021, 2022])).toBe('FY2021–FY2023');
  });
});
