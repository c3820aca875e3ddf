/** The `review` and `committee` verbs of the one grammar (commands/grammar.ts). */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../commands/grammar.ts';

const parsed = (text: string) => {
  const result = parseCommand(text);
  return result.ok ? result.command : result.error;
};

describe('review', () => {
  it.each([
    ['review', { verb: 'review', action: 'list' }],
    ['評価', { verb: 'review', action: 'list' }],
    ['review 2020', { verb: 'review', action: 'summary', fiscalYear: 2020, page: 1 }],
    ['review R2', { verb: 'review', action: 'summary', fiscalYear: 2020, page: 1 }],
    ['評価 令和2年度', { verb: 'review', action: 'summary', fiscalYear: 2020, page: 1 }],
    ['review ２０２０ page 2', { verb: 'review', action: 'summary', fiscalYear: 2020, page: 2 }],
    ['review 2020 p2', { verb: 'review', action: 'summary', fiscalYear: 2020, page: 2 }],
    ['review 2020 13', { verb: 'review', action: 'sheet', fiscalYear: 2020, number: 13 }],
    ['review 2020 ⑬', { verb: 'review', action: 'sheet', fiscalYear: 2020, number: 13 }],
    ['review open 2020', { verb: 'review', action: 'open', fiscalYear: 2020, meetingDate: null, force: null }],
    [
      'review open 2021 meeting 2022-08-20 force 集計が遅れている ため',
      { verb: 'review', action: 'open', fiscalYear: 2021, meetingDate: '2022-08-20', force: '集計が遅れている ため' },
    ],
    ['review open 2020 --meeting=2022-08-20', { verb: 'review', action: 'open', fiscalYear: 2020, meetingDate: '2022-08-20', force: null }],
    ['review close 2020', { verb: 'review', action: 'close', fiscalYear: 2020 }],
    ['review agree 2020 13 ｂ', { verb: 'review', action: 'agree', fiscalYear: 2020, number: 13, grade: 'B' }],
    ['review 合意 2020 6 ◎', { verb: 'review', action: 'agree', fiscalYear: 2020, number: 6, grade: 'double_circle' }],
    [
      'review target 13 2022 9,000 reason 中間見直し decision 第3回懇談会 2022-02-10',
      { verb: 'review', action: 'target', number: 13, position: null, fiscalYear: 2022, value: '9,000', reason: '中間見直し', decision: '第3回懇談会 2022-02-10' },
    ],
    [
      'review 目標 8-2 R4 70% 理由 国の目標変更 決定 懇談会',
      { verb: 'review', action: 'target', number: 8, position: 2, fiscalYear: 2022, value: '70%', reason: '国の目標変更', decision: '懇談会' },
    ],
  ])('reads %j', (text, command) => {
    expect(parsed(text)).toEqual(command);
  });

  it.each([
    ['review 20', { code: 'bad_year', word: '20' }],
    ['review open', { code: 'missing_argument', verb: 'review' }],
    ['review open 2020 meeting tomorrow', { code: 'bad_date', word: 'tomorrow' }],
    ['review open 2020 force', { code: 'missing_argument', verb: 'review' }],
    ['review open 2020 now', { code: 'unexpected_words', verb: 'review', words: 'now' }],
    ['review close 2020 now', { code: 'unexpected_words', verb: 'review', words: 'now' }],
    ['review agree 2020 13', { code: 'missing_argument', verb: 'review' }],
    ['review agree 2020 13 E', { code: 'bad_grade', word: 'E' }],
    ['review agree 2020 13 constructor', { code: 'bad_grade', word: 'constructor' }],
    ['review 2020 abc', { code: 'bad_number', word: 'abc' }],
    ['review 2020 13 14', { code: 'unexpected_words', verb: 'review', words: '14' }],
    ['review target 13 2022 9000 reason 見直し', { code: 'missing_argument', verb: 'review' }],
    ['review target 13 2022 9000 decision 懇談会', { code: 'missing_argument', verb: 'review' }],
    ['review target 13 2022 9000 reason decision 懇談会', { code: 'missing_argument', verb: 'review' }],
    ['review target 13-x 2022 9000 reason r decision d', { code: 'bad_number', word: '13-x' }],
  ])('refuses %j', (text, error) => {
    expect(parsed(text)).toEqual(error);
  });
});

describe('committee', () => {
  it.each([
    ['committee', { verb: 'committee', action: 'list' }],
    ['委員', { verb: 'committee', action: 'list' }],
    ['committee add <@U0123ABC|suzuki>', { verb: 'committee', action: 'add', userId: 'U0123ABC' }],
    ['懇談会 削除 U0123ABC', { verb: 'committee', action: 'remove', userId: 'U0123ABC' }],
  ])('reads %j', (text, command) => {
    expect(parsed(text)).toEqual(command);
  });

  it.each([
    ['committee add', { code: 'missing_argument', verb: 'committee' }],
    ['committee add @suzuki', { code: 'bad_user', word: '@suzuki' }],
    ['committee invite U0123ABC', { code: 'unexpected_words', verb: 'committee', words: 'invite U0123ABC' }],
    ['committee __proto__ U0123ABC', { code: 'unexpected_words', verb: 'committee', words: '__proto__ U0123ABC' }],
  ])('refuses %j', (text, error) => {
    expect(parsed(text)).toEqual(error);
  });
});
