import { z } from 'zod';
import { isCivilDate, parseFiscalYear, type CivilDate } from '../src/domain/fiscal-year.ts';
import type { GradeCode } from '../src/domain/grading.ts';
import { parseGradeWord } from '../src/domain/review.ts';

/**
 * The one grammar of `/plan`: Slack and the CLI hand it the text a person typed after
 * `/plan` and get a typed command back, or a parse error to explain.
 */

export const MAX_COMMAND_LENGTH = 500;
export const MAX_ACTION_PLAN_NUMBER = 999;

/** Which plan a command is about, when it names one: `/plan 5期 3`, `/plan suita-4 3`. */
export type PlanSelector = { kind: 'code'; code: string } | { kind: 'term'; term: number };

export const EXPORT_FORMATS = ['xlsx', 'csv', 'md', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type VerbCommand =
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
  | { verb: 'reminders'; date: CivilDate | null }
  /** Admins only: a plan whose period has ended stops chasing its missing actuals, or starts again. */
  | { verb: 'close' }
  | { verb: 'reopen' }
  | { verb: 'plans' }
  | { verb: 'export'; format: ExportFormat; fiscalYear: number | null }
  | ReviewCommand
  | CommitteeCommand
  | SettingsCommand
  | { verb: 'help' };

/** A verb with its arguments, and the plan it addresses when the text named one (else the door's). */
export type Command = VerbCommand & { plan?: PlanSelector };

/** The committee's review of a fiscal year (docs/review.md). */
export type ReviewCommand =
  | { verb: 'review'; action: 'list' }
  | { verb: 'review'; action: 'summary'; fiscalYear: number; page: number }
  | { verb: 'review'; action: 'sheet'; fiscalYear: number; number: number }
  | { verb: 'review'; action: 'open'; fiscalYear: number; meetingDate: CivilDate | null; force: string | null }
  | { verb: 'review'; action: 'close'; fiscalYear: number }
  | { verb: 'review'; action: 'agree'; fiscalYear: number; number: number; grade: GradeCode }
  | {
      verb: 'review';
      action: 'target';
      number: number;
      /** Which indicator of the action plan (1-based), when it has more than one: `8-2`. */
      position: number | null;
      fiscalYear: number;
      /** As typed: read against the indicator's unit by the handler. */
      value: string;
      reason: string;
      decision: string;
    };

export type CommitteeCommand =
  | { verb: 'committee'; action: 'list' }
  | { verb: 'committee'; action: 'add' | 'remove'; userId: string };

/** The workspace's settings (docs/workspaces.md); `value: null` puts one back to the environment's default. */
export type SettingsCommand =
  | { verb: 'settings'; action: 'show' }
  | { verb: 'settings'; action: 'admin'; change: 'add' | 'remove'; userId: string }
  | { verb: 'settings'; action: 'alert_channel'; value: string | 'off' | null }
  | { verb: 'settings'; action: 'plan'; value: string | null }
  | { verb: 'settings'; action: 'locale'; value: 'ja' | 'en' | null };

export type Verb = Command['verb'];

export type ParseError =
  | { code: 'too_long'; length: number }
  | { code: 'unknown_verb'; word: string }
  | { code: 'bad_number'; word: string }
  | { code: 'missing_argument'; verb: Verb }
  | { code: 'unexpected_words'; verb: Verb; words: string }
  | { code: 'bad_date'; word: string }
  | { code: 'bad_user'; word: string }
  | { code: 'bad_channel'; word: string }
  | { code: 'bad_year'; word: string }
  | { code: 'bad_grade'; word: string };

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
  reminders: ['reminders', 'reminder', 'リマインダー', '督促'],
  close: ['close', '終了', '計画終了'],
  reopen: ['reopen', '再開'],
  plans: ['plans', '計画一覧'],
  export: ['export', '出力', 'エクスポート'],
  review: ['review', '評価', 'レビュー'],
  committee: ['committee', '委員', '懇談会'],
  settings: ['settings', 'setting', 'config', '設定'],
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

// What people call the formats: Excel users say "excel", the review is "markdown".
const EXPORT_FORMAT_WORDS = new Map<string, ExportFormat>([
  ['xlsx', 'xlsx'],
  ['excel', 'xlsx'],
  ['エクセル', 'xlsx'],
  ['csv', 'csv'],
  ['md', 'md'],
  ['markdown', 'md'],
  ['json', 'json'],
]);

const PLAN_TERM = /^第?(\d{1,2})期$/;
// A code with a hyphen (suita-4): a bare word could be a misspelt verb, and deserves that answer.
const PLAN_CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

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

export const slackUserId = z
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

  const plan = planSelectorOf(words[0]);
  if (plan) words.shift();
  const parsed = parseWords(words, share);
  return parsed.ok && plan ? ok({ ...parsed.command, plan }) : parsed;
}

function planSelectorOf(word: string | undefined): PlanSelector | undefined {
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  if (verbByWord.has(lower)) return undefined;
  const term = PLAN_TERM.exec(word);
  if (term) return { kind: 'term', term: Number(term[1]) };
  return PLAN_CODE.test(lower) ? { kind: 'code', code: lower } : undefined;
}

function parseWords(words: string[], share: boolean): ParseResult {
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
    case 'plans':
      return rest.length ? unexpected(verb, rest) : ok({ verb });
    case 'export':
      return parseExport(rest);
    case 'help':
      return ok({ verb });
    case 'close':
    case 'reopen':
      return rest.length ? unexpected(verb, rest) : ok({ verb });
    case 'overdue':
    case 'alerts':
    case 'reminders': {
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
    case 'review':
      return parseReview(rest);
    case 'committee':
      return parseCommittee(rest);
    case 'settings':
      return parseSettings(rest);
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

/** `export [xlsx|csv|md|json] [fiscal year]`, in either order; the committee's workbook by default. */
function parseExport(rest: string[]): ParseResult {
  let format: ExportFormat | null = null;
  let fiscalYear: number | null = null;
  const extra: string[] = [];
  for (const word of rest) {
    const named = EXPORT_FORMAT_WORDS.get(word.toLowerCase());
    if (named && format === null) {
      format = named;
      continue;
    }
    const year = parseFiscalYear(word);
    if (year.ok && fiscalYear === null) {
      fiscalYear = year.fiscalYear;
      continue;
    }
    extra.push(word);
  }
  if (extra.length) return unexpected('export', extra);
  return ok({ verb: 'export', format: format ?? 'xlsx', fiscalYear });
}

// ─── review and committee ─────────────────────────────────────────────────────────────────────

const REVIEW_ACTIONS = new Map<string, 'open' | 'close' | 'agree' | 'target'>([
  ['open', 'open'],
  ['開始', 'open'],
  ['開く', 'open'],
  ['close', 'close'],
  ['終了', 'close'],
  ['閉じる', 'close'],
  ['agree', 'agree'],
  ['合意', 'agree'],
  ['target', 'target'],
  ['目標', 'target'],
]);
const MEETING_WORDS = new Set(['meeting', '--meeting', '会議', '懇談会']);
const FORCE_WORDS = new Set(['force', '--force', '強制']);
const PAGE_WORDS = new Set(['page', 'p', 'ページ']);
const REASON_WORDS = new Set(['reason', '理由']);
const DECISION_WORDS = new Set(['decision', '決定']);

function parseReview(rest: string[]): ParseResult {
  const [first, ...more] = rest;
  if (first === undefined) return ok({ verb: 'review', action: 'list' });
  const action = REVIEW_ACTIONS.get(first.toLowerCase());
  if (action === undefined) return parseReviewRead(rest);
  if (action === 'target') return parseTargetRevision(more);
  const [yearWord, ...options] = more;
  if (yearWord === undefined) return fail({ code: 'missing_argument', verb: 'review' });
  const year = fiscalYearArgument(yearWord);
  if (!year.ok) return year;
  const fiscalYear = year.fiscalYear;
  switch (action) {
    case 'close':
      return options.length ? unexpected('review', options) : ok({ verb: 'review', action, fiscalYear });
    case 'agree': {
      const [numberWord, gradeWord, ...extra] = options;
      if (numberWord === undefined || gradeWord === undefined) return fail({ code: 'missing_argument', verb: 'review' });
      const number = actionPlanNumber.safeParse(numberWord);
      if (!number.success) return fail({ code: 'bad_number', word: numberWord });
      const grade = parseGradeWord(gradeWord);
      if (grade === null) return fail({ code: 'bad_grade', word: gradeWord });
      if (extra.length) return unexpected('review', extra);
      return ok({ verb: 'review', action, fiscalYear, number: number.data, grade });
    }
    case 'open':
      return parseOpenOptions(fiscalYear, options);
  }
}

/** `2020`, `2020 13`, `2020 page 2` (also `p2`). */
function parseReviewRead([yearWord, ...rest]: string[]): ParseResult {
  const year = fiscalYearArgument(yearWord!);
  if (!year.ok) return year;
  const { fiscalYear } = year;
  const [second, third, ...extra] = rest;
  if (second === undefined) return ok({ verb: 'review', action: 'summary', fiscalYear, page: 1 });
  const inline = second.toLowerCase().match(/^(?:page|p)(\d{1,2})$/);
  if (inline) {
    return third === undefined ? ok({ verb: 'review', action: 'summary', fiscalYear, page: Number(inline[1]) || 1 }) : unexpected('review', [third, ...extra]);
  }
  if (PAGE_WORDS.has(second.toLowerCase())) {
    if (third === undefined || !/^\d{1,2}$/.test(third)) return fail({ code: 'missing_argument', verb: 'review' });
    return extra.length ? unexpected('review', extra) : ok({ verb: 'review', action: 'summary', fiscalYear, page: Number(third) || 1 });
  }
  const number = actionPlanNumber.safeParse(second);
  if (!number.success) return fail({ code: 'bad_number', word: second });
  if (third !== undefined) return unexpected('review', [third, ...extra]);
  return ok({ verb: 'review', action: 'sheet', fiscalYear, number: number.data });
}

/** `[meeting YYYY-MM-DD] [force <reason…>]`: the reason runs to the end of the line. */
function parseOpenOptions(fiscalYear: number, options: string[]): ParseResult {
  let meetingDate: CivilDate | null = null;
  let force: string | null = null;
  for (let i = 0; i < options.length; i++) {
    const word = options[i]!;
    const lower = word.toLowerCase();
    const inline = lower.match(/^--meeting=(.*)$/);
    if (inline || MEETING_WORDS.has(lower)) {
      const date = inline ? inline[1]! : options[++i];
      if (date === undefined || !isCivilDate(date)) return fail({ code: 'bad_date', word: date ?? word });
      meetingDate = date;
    } else if (FORCE_WORDS.has(lower)) {
      const reason = options.slice(i + 1).join(' ');
      if (reason === '') return fail({ code: 'missing_argument', verb: 'review' });
      force = reason;
      break;
    } else {
      return unexpected('review', options.slice(i));
    }
  }
  return ok({ verb: 'review', action: 'open', fiscalYear, meetingDate, force });
}

/** `13 2022 9000 reason <words…> decision <words…>`; `8-2` names the second indicator of ⑧. */
function parseTargetRevision(rest: string[]): ParseResult {
  const [planWord, yearWord, value, ...text] = rest;
  if (planWord === undefined || yearWord === undefined || value === undefined) return fail({ code: 'missing_argument', verb: 'review' });
  const [numberPart, positionPart, ...tooMany] = planWord.split('-');
  const number = actionPlanNumber.safeParse(numberPart ?? '');
  if (!number.success || tooMany.length) return fail({ code: 'bad_number', word: planWord });
  let position: number | null = null;
  if (positionPart !== undefined) {
    if (!/^\d{1,2}$/.test(positionPart) || Number(positionPart) < 1) return fail({ code: 'bad_number', word: planWord });
    position = Number(positionPart);
  }
  const year = fiscalYearArgument(yearWord);
  if (!year.ok) return year;
  const reasonAt = text.findIndex((w) => REASON_WORDS.has(w.toLowerCase()));
  const decisionAt = text.findIndex((w) => DECISION_WORDS.has(w.toLowerCase()));
  if (reasonAt !== 0) return reasonAt === -1 ? fail({ code: 'missing_argument', verb: 'review' }) : unexpected('review', text.slice(0, reasonAt));
  if (decisionAt === -1) return fail({ code: 'missing_argument', verb: 'review' });
  const reason = text.slice(1, decisionAt).join(' ');
  const decision = text.slice(decisionAt + 1).join(' ');
  if (reason === '' || decision === '') return fail({ code: 'missing_argument', verb: 'review' });
  return ok({ verb: 'review', action: 'target', number: number.data, position, fiscalYear: year.fiscalYear, value, reason, decision });
}

function parseCommittee(rest: string[]): ParseResult {
  const [actionWord, userWord, ...extra] = rest;
  if (actionWord === undefined) return ok({ verb: 'committee', action: 'list' });
  const action = OWNER_ACTIONS.get(actionWord.toLowerCase());
  if (action === undefined) return unexpected('committee', rest);
  if (userWord === undefined) return fail({ code: 'missing_argument', verb: 'committee' });
  if (extra.length) return unexpected('committee', extra);
  const user = slackUserId.safeParse(userWord);
  if (!user.success) return fail({ code: 'bad_user', word: userWord });
  return ok({ verb: 'committee', action, userId: user.data });
}

const SETTING_WORDS = new Map<string, 'admin' | 'alert_channel' | 'plan' | 'locale'>([
  ['admin', 'admin'],
  ['admins', 'admin'],
  ['管理者', 'admin'],
  ['channel', 'alert_channel'],
  ['チャンネル', 'alert_channel'],
  ['通知先', 'alert_channel'],
  ['plan', 'plan'],
  ['計画', 'plan'],
  ['locale', 'locale'],
  ['language', 'locale'],
  ['言語', 'locale'],
]);
const DEFAULT_WORDS = new Set(['default', '既定', 'reset']);
const OFF_WORDS = new Set(['off', 'none', 'なし', '停止']);
const LOCALE_WORDS = new Map<string, 'ja' | 'en'>([
  ['ja', 'ja'],
  ['日本語', 'ja'],
  ['en', 'en'],
  ['english', 'en'],
  ['英語', 'en'],
]);

// Slack sends <#C123|name> when the command escapes channels; a bare id works from the CLI.
export const slackChannelId = z
  .string()
  .regex(/^(?:<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>|([CG][A-Z0-9]{2,}))$/)
  .transform((s) => s.match(/[CG][A-Z0-9]{2,}/)![0]);

/** `settings`, `settings admin add|remove @user`, `settings channel #c|off|default`, `settings plan code|default`, `settings locale ja|en|default`. */
function parseSettings(rest: string[]): ParseResult {
  const [settingWord, ...args] = rest;
  if (settingWord === undefined) return ok({ verb: 'settings', action: 'show' });
  const setting = SETTING_WORDS.get(settingWord.toLowerCase());
  if (setting === undefined) return unexpected('settings', rest);
  if (setting === 'admin') {
    const [actionWord, userWord, ...extra] = args;
    const change = actionWord === undefined ? undefined : OWNER_ACTIONS.get(actionWord.toLowerCase());
    if (actionWord !== undefined && change === undefined) return unexpected('settings', args);
    if (change === undefined || userWord === undefined) return fail({ code: 'missing_argument', verb: 'settings' });
    if (extra.length) return unexpected('settings', extra);
    const user = slackUserId.safeParse(userWord);
    if (!user.success) return fail({ code: 'bad_user', word: userWord });
    return ok({ verb: 'settings', action: 'admin', change, userId: user.data });
  }
  const [valueWord, ...extra] = args;
  if (valueWord === undefined) return fail({ code: 'missing_argument', verb: 'settings' });
  if (extra.length) return unexpected('settings', extra);
  const word = valueWord.toLowerCase();
  if (DEFAULT_WORDS.has(word)) return ok({ verb: 'settings', action: setting, value: null });
  switch (setting) {
    case 'alert_channel': {
      if (OFF_WORDS.has(word)) return ok({ verb: 'settings', action: setting, value: 'off' });
      const channel = slackChannelId.safeParse(valueWord);
      return channel.success ? ok({ verb: 'settings', action: setting, value: channel.data }) : fail({ code: 'bad_channel', word: valueWord });
    }
    case 'plan':
      return PLAN_CODE.test(word) ? ok({ verb: 'settings', action: setting, value: word }) : unexpected('settings', args);
    case 'locale': {
      const locale = LOCALE_WORDS.get(word);
      return locale ? ok({ verb: 'settings', action: setting, value: locale }) : unexpected('settings', args);
    }
  }
}

function fiscalYearArgument(word: string): { ok: true; fiscalYear: number } | { ok: false; error: ParseError } {
  const parsed = parseFiscalYear(word);
  return parsed.ok ? { ok: true, fiscalYear: parsed.fiscalYear } : fail({ code: 'bad_year', word });
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
  verb: 'overdue' | 'alerts' | 'reminders',
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
