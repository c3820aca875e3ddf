import { z } from 'zod';
import { isCivilDate, type CivilDate } from '../src/domain/fiscal-year.ts';

/**
 * The one grammar of `/plan`: Slack and the CLI hand it the text a person typed after
 * `/plan` and get a typed command back, or a parse error to explain.
 */

export const MAX_COMMAND_LENGTH = 500;
export const MAX_ACTION_PLAN_NUMBER = 999;

export type Command =
  | { verb: 'show'; number: number; share: boolean }
  | { verb: 'list'; share: boolean }
  | { verb: 'overdue'; date: CivilDate | null; share: boolean }
  | { verb: 'search'; words: string[]; share: boolean }
  | { verb: 'policy'; number: number; share: boolean }
  | { verb: 'theme'; name: string; share: boolean }
  | { verb: 'history'; number: number; share: boolean }
  | { verb: 'report'; number: number }
  /** Always posted where it was asked (an image cannot be private), so no `share`. */
  | { verb: 'chart'; number: number }
  | { verb: 'owner'; number: number; action: 'list' }
  | { verb: 'owner'; number: number; action: 'add' | 'remove'; userId: string }
  | { verb: 'alerts'; date: CivilDate | null }
  | { verb: 'help' };

export type Verb = Command['verb'];

export type ParseError =
  | { code: 'too_long'; length: number }
  | { code: 'unknown_verb'; word: string }
  | { code: 'bad_number'; word: string }
  | { code: 'missing_argument'; verb: Verb }
  | { code: 'unexpected_words'; verb: Verb; words: string }
  | { code: 'bad_date'; word: string }
  | { code: 'bad_user'; word: string };

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };

/** Verbs in the order help lists them, with the words people may type for each. */
export const VERBS = {
  list: ['list', 'ls', '一覧'],
  overdue: ['overdue', '未提出', '遅延'],
  search: ['search', 'find', '検索'],
  policy: ['policy', '方針', '基本方針'],
  theme: ['theme', 'テーマ', '分野'],
  history: ['history', '履歴'],
  report: ['report', 'record', '報告', '入力'],
  chart: ['chart', 'graph', 'グラフ', '図'],
  owner: ['owner', 'owners', '担当', '担当者'],
  alerts: ['alerts', 'alert', '通知'],
  help: ['help', '?', 'ヘルプ', '使い方'],
} as const satisfies Partial<Record<Verb, readonly string[]>>;

const SHARE_WORDS = new Set(['share', '共有']);

// A Map, not an object literal: "__proto__" or "constructor" typed by a person must not
// resolve to something that is not an action.
const OWNER_ACTIONS = new Map<string, 'add' | 'remove'>([
  ['add', 'add'],
  ['追加', 'add'],
  ['remove', 'remove'],
  ['rm', 'remove'],
  ['削除', 'remove'],
]);

const verbByWord = new Map<string, keyof typeof VERBS>(
  Object.entries(VERBS).flatMap(([verb, words]) => words.map((w) => [w, verb as keyof typeof VERBS])),
);

// NFKC folds what Japanese keyboards produce into the plain forms the grammar knows:
// ⑬ → 13, full-width digits and letters, the ideographic space, full-width '@'.
const normalisedText = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(z.string().max(MAX_COMMAND_LENGTH));

/** An action plan number as typed or as carried by a button: 1–999 in up to three digits. */
export const actionPlanNumber = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_ACTION_PLAN_NUMBER));

const slackUserId = z
  .string()
  // Slack sends <@U123|name> when the command escapes users; a bare id works from the CLI.
  .regex(/^(?:<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>|([UW][A-Z0-9]{2,}))$/)
  .transform((s) => s.match(/[UW][A-Z0-9]{2,}/)![0]);

export function parseCommand(text: string): ParseResult {
  const rawLength = text.length;
  const normalised = normalisedText.safeParse(text);
  if (!normalised.success) return fail({ code: 'too_long', length: rawLength });

  const words = normalised.data.split(/\s+/).filter(Boolean);
  const share = words.length > 1 && SHARE_WORDS.has(words.at(-1)!.toLowerCase());
  if (share) words.pop();

  const [first, ...rest] = words;
  if (first === undefined) return ok({ verb: 'list', share });

  const verb = verbByWord.get(first.toLowerCase());
  if (verb === undefined) {
    const number = actionPlanNumber.safeParse(first);
    if (number.success) {
      if (rest.length === 0) return ok({ verb: 'show', number: number.data, share });
      // `/plan 13 chart` reads as naturally as `/plan chart 13`.
      if (rest.length === 1 && verbByWord.get(rest[0]!.toLowerCase()) === 'chart') return ok({ verb: 'chart', number: number.data });
      return unexpected('show', rest);
    }
    if (/^[-+]?\d/.test(first)) return fail({ code: 'bad_number', word: first });
    return fail({ code: 'unknown_verb', word: first });
  }

  switch (verb) {
    case 'list':
      return rest.length ? unexpected(verb, rest) : ok({ verb, share });
    case 'help':
      return ok({ verb });
    case 'overdue':
    case 'alerts': {
      const date = parseDateOption(verb, rest);
      if (!date.ok) return date;
      return verb === 'overdue' ? ok({ verb, date: date.date, share }) : ok({ verb, date: date.date });
    }
    case 'search': {
      if (rest.length === 0) return fail({ code: 'missing_argument', verb });
      // Repeated words add nothing to an AND search.
      return ok({ verb, words: [...new Set(rest)], share });
    }
    case 'theme':
      if (rest.length === 0) return fail({ code: 'missing_argument', verb });
      return ok({ verb, name: rest.join(' '), share });
    case 'policy':
    case 'history':
    case 'report':
    case 'chart': {
      const parsed = numberArgument(verb, rest);
      if (!parsed.ok) return parsed;
      if (verb === 'report' || verb === 'chart') return ok({ verb, number: parsed.number });
      return ok({ verb, number: parsed.number, share });
    }
    case 'owner':
      return parseOwner(rest);
  }
}

function parseOwner(rest: string[]): ParseResult {
  const [numberWord, actionWord, userWord, ...extra] = rest;
  const parsed = numberArgument('owner', numberWord === undefined ? [] : [numberWord]);
  if (!parsed.ok) return parsed;
  if (actionWord === undefined) return ok({ verb: 'owner', number: parsed.number, action: 'list' });
  const action = OWNER_ACTIONS.get(actionWord.toLowerCase());
  if (action === undefined) return unexpected('owner', [actionWord, ...(userWord ? [userWord] : []), ...extra]);
  if (userWord === undefined) return fail({ code: 'missing_argument', verb: 'owner' });
  if (extra.length) return unexpected('owner', extra);
  const user = slackUserId.safeParse(userWord);
  if (!user.success) return fail({ code: 'bad_user', word: userWord });
  return ok({ verb: 'owner', number: parsed.number, action, userId: user.data });
}

function numberArgument(
  verb: Verb,
  rest: string[],
): { ok: true; number: number } | { ok: false; error: ParseError } {
  const [word, ...extra] = rest;
  if (word === undefined) return fail({ code: 'missing_argument', verb });
  const number = actionPlanNumber.safeParse(word);
  if (!number.success) return fail({ code: 'bad_number', word });
  if (extra.length) return unexpected(verb, extra);
  return { ok: true, number: number.data };
}

function parseDateOption(
  verb: 'overdue' | 'alerts',
  rest: string[],
): { ok: true; date: CivilDate | null } | { ok: false; error: ParseError } {
  if (rest.length === 0) return { ok: true, date: null };
  const [flag, value, ...extra] = rest;
  const inline = flag!.match(/^--date=(.*)$/);
  const word = inline ? inline[1]! : flag === '--date' ? value : flag;
  if (word === undefined || word === '') return fail({ code: 'bad_date', word: flag! });
  const leftover = inline || flag !== '--date' ? [value, ...extra].filter((w) => w !== undefined) : extra;
  if (leftover.length) return unexpected(verb, leftover as string[]);
  if (!isCivilDate(word)) return fail({ code: 'bad_date', word });
  return { ok: true, date: word };
}

function ok(command: Command): ParseResult {
  return { ok: true, command };
}

function fail(error: ParseError): { ok: false; error: ParseError } {
  return { ok: false, error };
}

function unexpected(verb: Verb, words: string[]): { ok: false; error: ParseError } {
  return fail({ code: 'unexpected_words', verb, words: words.join(' ').slice(0, 80) });
}
