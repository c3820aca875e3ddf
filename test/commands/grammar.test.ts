import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../commands/grammar.ts';

const parsed = (text: string) => {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${JSON.stringify(result.error)}`);
  return result.command;
};
const refused = (text: string) => {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected ${text} to be refused, got ${JSON.stringify(result.command)}`);
  return result.error;
};

describe('the /plan grammar', () => {
  it.each(['13', '⑬', '013', '１３', ' 13 ', '13\u3000'])('reads %j as action plan 13', (text) => {
    expect(parsed(text)).toEqual({ verb: 'show', number: 13, share: false });
  });

  it('reads an empty text and "list" as the list', () => {
    expect(parsed('')).toEqual({ verb: 'list', share: false });
    expect(parsed('list')).toEqual({ verb: 'list', share: false });
    expect(parsed('一覧')).toEqual({ verb: 'list', share: false });
  });

  it('takes a trailing "share" as a request to post for the channel', () => {
    expect(parsed('13 share')).toEqual({ verb: 'show', number: 13, share: true });
    expect(parsed('list share')).toEqual({ verb: 'list', share: true });
    expect(parsed('search 防犯 share')).toEqual({ verb: 'search', words: ['防犯'], share: true });
  });

  it('reads overdue with and without a date', () => {
    expect(parsed('overdue')).toEqual({ verb: 'overdue', date: null, share: false });
    expect(parsed('overdue 2024-07-01')).toEqual({ verb: 'overdue', date: '2024-07-01', share: false });
    expect(parsed('overdue --date 2024-07-01')).toEqual({ verb: 'overdue', date: '2024-07-01', share: false });
    expect(parsed('overdue --date=2024-07-01')).toEqual({ verb: 'overdue', date: '2024-07-01', share: false });
    expect(refused('overdue 2024-02-30')).toEqual({ code: 'bad_date', word: '2024-02-30' });
    expect(refused('overdue --date')).toMatchObject({ code: 'bad_date' });
  });

  it('reads search words, dropping repeats', () => {
    expect(parsed('search 防犯 カメラ 防犯')).toEqual({ verb: 'search', words: ['防犯', 'カメラ'], share: false });
    expect(refused('search')).toEqual({ code: 'missing_argument', verb: 'search' });
  });

  it('reads policy, theme, history, report', () => {
    expect(parsed('policy 2')).toEqual({ verb: 'policy', number: 2, share: false });
    expect(parsed('theme 防災・防犯')).toEqual({ verb: 'theme', name: '防災・防犯', share: false });
    expect(parsed('history ⑬')).toEqual({ verb: 'history', number: 13, share: false });
    expect(parsed('report 13')).toEqual({ verb: 'report', number: 13 });
    expect(refused('report abc')).toEqual({ code: 'bad_number', word: 'abc' });
    expect(refused('report')).toEqual({ code: 'missing_argument', verb: 'report' });
  });

  it('reads a chart request number-first or verb-first, in English or Japanese', () => {
    for (const text of ['13 chart', 'chart 13', '⑬ グラフ', 'グラフ 13', '13 graph', '１３　ＣＨＡＲＴ', '13 chart share']) {
      expect(parsed(text), text).toEqual({ verb: 'chart', number: 13 });
    }
    expect(refused('chart')).toEqual({ code: 'missing_argument', verb: 'chart' });
    expect(refused('chart abc')).toEqual({ code: 'bad_number', word: 'abc' });
    expect(refused('13 chart 14')).toEqual({ code: 'unexpected_words', verb: 'show', words: 'chart 14' });
    expect(refused('13 list')).toEqual({ code: 'unexpected_words', verb: 'show', words: 'list' });
  });

  it('reads owner management with Slack-escaped and bare user ids', () => {
    expect(parsed('owner 13')).toEqual({ verb: 'owner', number: 13, action: 'list' });
    expect(parsed('owner 13 add <@U024BE7LH|tanaka>')).toEqual({ verb: 'owner', number: 13, action: 'add', userId: 'U024BE7LH' });
    expect(parsed('owner 13 remove U024BE7LH')).toEqual({ verb: 'owner', number: 13, action: 'remove', userId: 'U024BE7LH' });
    expect(refused('owner 13 add tanaka')).toEqual({ code: 'bad_user', word: 'tanaka' });
    expect(refused('owner 13 add')).toEqual({ code: 'missing_argument', verb: 'owner' });
  });

  it.each([
    ['0', 'bad_number'],
    ['-1', 'bad_number'],
    ['1000', 'bad_number'],
    ['abc', 'unknown_verb'],
    ["13; DROP TABLE plan; --", 'bad_number'],
    ["' OR 1=1 --", 'unknown_verb'],
    ['😀', 'unknown_verb'],
    ['13 13', 'unexpected_words'],
    ['list list', 'unexpected_words'],
  ])('refuses %j with %s', (text, code) => {
    expect(refused(text).code).toBe(code);
  });

  it('refuses 3000 characters without looking at them', () => {
    expect(refused('あ'.repeat(3000))).toEqual({ code: 'too_long', length: 3000 });
  });

  it('reads 99 as a number, leaving "no such plan" to the handler that knows the plan', () => {
    expect(parsed('99')).toEqual({ verb: 'show', number: 99, share: false });
  });
});

describe('the /plan grammar against prototype names', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('does not take %s as an owner action', (word) => {
    expect(parseCommand(`owner 13 ${word} U024BE7LH`)).toMatchObject({ ok: false, error: { code: 'unexpected_words' } });
    expect(parseCommand(word)).toMatchObject({ ok: false, error: { code: 'unknown_verb' } });
  });
});

describe('close and reopen (#13)', () => {
  it.each([
    ['close', 'close'],
    ['終了', 'close'],
    ['CLOSE', 'close'],
    ['reopen', 'reopen'],
    ['再開', 'reopen'],
  ])('reads %j', (text, verb) => {
    expect(parsed(text)).toEqual({ verb });
  });

  it('takes no arguments', () => {
    expect(refused('close 13')).toEqual({ code: 'unexpected_words', verb: 'close', words: '13' });
    expect(refused('reopen now')).toEqual({ code: 'unexpected_words', verb: 'reopen', words: 'now' });
  });
});

describe('the /plan grammar: plans, exports and naming a plan', () => {
  it('lists the plans', () => {
    expect(parsed('plans')).toEqual({ verb: 'plans' });
    expect(parsed('計画一覧')).toEqual({ verb: 'plans' });
    expect(refused('plans 5')).toMatchObject({ code: 'unexpected_words', verb: 'plans' });
  });

  it.each([
    ['5期 3', { kind: 'term', term: 5 }],
    ['第５期 3', { kind: 'term', term: 5 }],
    ['suita-4 3', { kind: 'code', code: 'suita-4' }],
    ['SUITA-4 3', { kind: 'code', code: 'suita-4' }],
    ['toyonaka-2 3', { kind: 'code', code: 'toyonaka-2' }],
  ])('reads %j as action plan 3 of a named plan', (text, plan) => {
    expect(parsed(text)).toEqual({ verb: 'show', number: 3, share: false, plan });
  });

  it('takes a named plan before any verb, and alone as that plan’s list', () => {
    expect(parsed('5期')).toEqual({ verb: 'list', share: false, plan: { kind: 'term', term: 5 } });
    expect(parsed('suita-4 search 防犯 share')).toEqual({
      verb: 'search',
      words: ['防犯'],
      share: true,
      plan: { kind: 'code', code: 'suita-4' },
    });
    expect(parsed('5期 export csv')).toEqual({ verb: 'export', format: 'csv', fiscalYear: null, plan: { kind: 'term', term: 5 } });
  });

  it('leaves a command without a plan as it was (the door’s plan)', () => {
    expect(parsed('13')).not.toHaveProperty('plan');
    expect(parsed('list')).not.toHaveProperty('plan');
  });

  it('does not take a verb or a bare word for a plan', () => {
    expect(refused('foo 3').code).toBe('unknown_verb');
    expect(parsed('help')).toEqual({ verb: 'help' });
  });

  it('reads export with a format and a fiscal year in either order, the workbook by default', () => {
    expect(parsed('export')).toEqual({ verb: 'export', format: 'xlsx', fiscalYear: null });
    expect(parsed('export csv')).toEqual({ verb: 'export', format: 'csv', fiscalYear: null });
    expect(parsed('export Excel 令和3年度')).toEqual({ verb: 'export', format: 'xlsx', fiscalYear: 2021 });
    expect(parsed('出力 2020 md')).toEqual({ verb: 'export', format: 'md', fiscalYear: 2020 });
    expect(parsed('export json')).toEqual({ verb: 'export', format: 'json', fiscalYear: null });
    expect(refused('export pdf')).toMatchObject({ code: 'unexpected_words', verb: 'export', words: 'pdf' });
    expect(refused('export csv xlsx')).toMatchObject({ code: 'unexpected_words', words: 'xlsx' });
  });
});
