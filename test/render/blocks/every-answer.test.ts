/**
 * Block Kit refuses a whole message for one text that is too long, so every answer the
 * bot can give about the real plan is rendered here and checked against the limits:
 * each action plan, each list, search, policy and theme, the overdue and history views,
 * help and every kind of error, in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../commands/answer.ts';
import { makeContext, type CommandContext } from '../../../commands/context.ts';
import type { CommandError, CommandResult } from '../../../commands/results.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { messagesFor, type Locale } from '../../../src/messages/index.ts';
import { renderMessage } from '../../../src/render/blocks/index.ts';
import { checkLimits } from '../../../src/render/blocks/limits.ts';
import { findPlan, listPolicies, listThemes } from '../../../src/store/action-plans.ts';
import type { PlanDb } from '../../../src/store/db.ts';
import { prepareDatabase } from '../../../src/store/prepare.ts';

const NOW = new Date('2024-08-01T09:00:00+09:00');
let db: PlanDb;
let ctx: CommandContext;
let themes: string[] = [];
let policies: number[] = [];

beforeAll(async () => {
  db = await prepareDatabase(':memory:', { now: NOW });
  const plan = (await findPlan(db))!;
  ctx = makeContext({ db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: 'U0ADMIN', isAdmin: true, canOpenForms: true } });
  themes = (await listThemes(db, plan.id)).map((t) => t.name);
  policies = (await listPolicies(db, plan.id)).map((p) => p.number);
});

afterAll(async () => {
  await db?.destroy();
});

/** Every text the grammar answers with data from the database. */
function everyCommand(): string[] {
  const numbers = Array.from({ length: 20 }, (_, i) => i + 1);
  return [
    ...numbers.flatMap((n) => [`${n}`, `${n} share`, `history ${n}`, `owner ${n}`, `${n} chart`]),
    '',
    'list',
    'list share',
    'overdue',
    'overdue 2019-04-01',
    'overdue 2030-07-01',
    'help',
    'plans',
    'suita-4 13',
    '4期 list',
    'export',
    'export csv 2021',
    ...policies.map((n) => `policy ${n}`),
    ...themes.map((name) => `theme ${name}`),
    // Broad searches return many plans; narrow ones few or none.
    'search の',
    'search ICT',
    'search 防犯',
    'search 存在しない言葉',
    'search wifi',
    'reopen',
    'search ' + 'あ'.repeat(480),
  ];
}

const ERRORS: CommandError[] = [
  { code: 'parse', error: { code: 'too_long', length: 3000 } },
  { code: 'parse', error: { code: 'unknown_verb', word: '<!channel>'.repeat(50) } },
  { code: 'parse', error: { code: 'bad_number', word: '-1' } },
  { code: 'parse', error: { code: 'missing_argument', verb: 'search' } },
  { code: 'parse', error: { code: 'unexpected_words', verb: 'show', words: 'x'.repeat(80) } },
  { code: 'parse', error: { code: 'bad_date', word: '2024-13-45' } },
  { code: 'parse', error: { code: 'bad_user', word: 'someone' } },
  { code: 'no_such_action_plan', number: 99, max: 20 },
  { code: 'no_such_policy', number: 4, max: 3 },
  { code: 'no_such_theme', name: '宇宙', themes: ['手続', '情報発信'] },
  { code: 'admins_only' },
  { code: 'no_plan' },
  { code: 'cli_cannot_open_forms', number: 13 },
  { code: 'plan_not_ended', lastFiscalYear: 2023 },
  { code: 'no_such_plan', selector: 'x'.repeat(200), plans: Array.from({ length: 40 }, (_, i) => `city-${i}`), ambiguous: false },
  { code: 'no_such_plan', selector: '5期', plans: ['suita-5', 'toyonaka-5'], ambiguous: true },
  { code: 'year_outside_plan', fiscalYear: 2030, first: 2019, last: 2023 },
  { code: 'record_in_own_plan_only', planCode: 'suita-5' },
];

describe.each<Locale>(['ja', 'en'])('every answer in %s', (locale) => {
  const m = messagesFor(locale);

  it('stays inside Block Kit’s limits for every command about the real plan', async () => {
    let checked = 0;
    for (const text of everyCommand()) {
      const result = await answer(text, ctx);
      expect(result.kind, text).not.toBe('error');
      expect(checkLimits(renderMessage(result, m, { userId: 'U0STAFF' })), `/plan ${text}`).toEqual([]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(90);
  });

  it('stays inside the limits for every kind of error and the remaining result kinds', () => {
    const results: CommandResult[] = [
      ...ERRORS.map((error) => ({ kind: 'error' as const, error })),
      { kind: 'help' },
      { kind: 'open_figure_form', actionPlanNumber: 13 },
    ];
    for (const result of results) {
      expect(checkLimits(renderMessage(result, m)), JSON.stringify(result).slice(0, 80)).toEqual([]);
    }
  });
});
