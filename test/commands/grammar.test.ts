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
