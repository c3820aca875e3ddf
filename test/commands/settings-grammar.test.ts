import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../commands/grammar.ts';

describe('`/plan settings` as typed', () => {
  it.each([
    ['settings', { verb: 'settings', action: 'show' }],
    ['設定', { verb: 'settings', action: 'show' }],
    ['settings admin add <@U0NEW|sato>', { verb: 'settings', action: 'admin', change: 'add', userId: 'U0NEW' }],
    ['設定 管理者 削除 U0OLD', { verb: 'settings', action: 'admin', change: 'remove', userId: 'U0OLD' }],
    ['settings channel <#C0ALERT|plan-alerts>', { verb: 'settings', action: 'alert_channel', value: 'C0ALERT' }],
    ['settings 通知先 off', { verb: 'settings', action: 'alert_channel', value: 'off' }],
    ['settings channel default', { verb: 'settings', action: 'alert_channel', value: null }],
    ['settings plan suita-4', { verb: 'settings', action: 'plan', value: 'suita-4' }],
    ['settings 計画 既定', { verb: 'settings', action: 'plan', value: null }],
    ['settings locale 英語', { verb: 'settings', action: 'locale', value: 'en' }],
    ['ＳＥＴＴＩＮＧＳ　ＬＯＣＡＬＥ　ＥＮ', { verb: 'settings', action: 'locale', value: 'en' }],
  ])('reads %s', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['settings channel #general', { code: 'bad_channel', word: '#general' }],
    ['settings admin add', { code: 'missing_argument', verb: 'settings' }],
    ['settings admin add sato', { code: 'bad_user', word: 'sato' }],
    ['settings locale fr', { code: 'unexpected_words', verb: 'settings', words: 'fr' }],
    ['settings plan 4期', { code: 'unexpected_words', verb: 'settings', words: '4期' }],
    ['settings constructor x', { code: 'unexpected_words', verb: 'settings', words: 'constructor x' }],
    ['settings channel C0A C0B', { code: 'unexpected_words', verb: 'settings', words: 'C0B' }],
  ])('explains %s', (text, error) => {
    expect(parseCommand(text)).toEqual({ ok: false, error });
  });
});
