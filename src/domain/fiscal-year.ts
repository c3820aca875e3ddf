import { addDays, addYears, differenceInCalendarDays, format, getDate, lastDayOfMonth, set } from 'date-fns';

export const PLAN_TIME_ZONE = 'Asia/Tokyo';

/** ISO `YYYY-MM-DD`: a calendar day as lived in Tokyo, with no time or offset. */
export type CivilDate = string;

const CIVIL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The fiscal year opens on 1 April (month index 3). */
const FIRST_MONTH_INDEX = 3;

export function civilDateInTokyo(now: Date): CivilDate {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid time value');
  // Every request asks for today, and the answer only changes once a day.
  const hour = Math.floor(ms / HOUR_MS);
  if (hour !== lastHour) {
    lastHour = hour;
    // Japan has kept UTC+9 all year since 1952, so Tokyo's day is plain arithmetic. Asking
    // the time-zone database instead loads ICU's zone data, which cost every CLI start (#14).
    lastDay = new Date(ms + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
  }
  return lastDay;
}

const HOUR_MS = 3_600_000;
const TOKYO_OFFSET_MS = 9 * HOUR_MS;

// Tokyo's offset is whole hours, so every instant of one UTC hour is on the same Tokyo day.
let lastHour = Number.NaN;
let lastDay: CivilDate = '';

/** What Tokyo's clock reads at an instant. */
export interface TokyoClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * Tokyo's wall clock at `instant`, by the same arithmetic as civilDateInTokyo: UTC+9 all year.
 * The time-zone database (Intl, @date-fns/tz) would say the same for every date since 1952, and
 * asking it loads ICU's zone and locale data, ~8 MB of the bot's memory for good (#14).
 */
export function tokyoClock(instant: Date): TokyoClock {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid time value');
  const t = new Date(ms + TOKYO_OFFSET_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
}

/** `7` → `07`, as clocks and ISO dates write it. */
export function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** The instant at which Tokyo's clock reads `hour:minute` on `day`. */
export function tokyoInstant(day: CivilDate, hour: number, minute: number): Date {
  const { year, monthIndex, day: dayOfMonth } = requireCivilDate(day);
  return new Date(Date.UTC(year, monthIndex, dayOfMonth, hour, minute) - TOKYO_OFFSET_MS);
}

export function isCivilDate(s: string): boolean {
  return civilDateParts(s) !== null;
}

type CivilDateParts = { year: number; monthIndex: number; day: number };

// Status rules ask about the same "today" for every figure of an answer (600 of them in the
// list at the benchmark's scale); parsing it each time showed in the list's profile.
let lastParsed: { s: string; parts: CivilDateParts | null } = { s: '', parts: null };

function civilDateParts(s: string): CivilDateParts | null {
  if (s === lastParsed.s) return lastParsed.parts;
  const parts = parseCivilDate(s);
  lastParsed = { s, parts };
  return parts;
}

function parseCivilDate(s: string): CivilDateParts | null {
  const match = CIVIL_DATE_PATTERN.exec(s);
  if (!match) return null;
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  const day = Number(match[3]);
  // Date rolls 2023-02-29 over to 1 March, so a round trip exposes impossible days. The year is
  // set separately because Date.UTC reads years 0-99 as 1900-1999.
  const probe = new Date(Date.UTC(2000, monthIndex, day));
  probe.setUTCFullYear(year);
  const valid =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === monthIndex && probe.getUTCDate() === day;
  return valid ? { year, monthIndex, day } : null;
}

function requireCivilDate(s: CivilDate): { year: number; monthIndex: number; day: number } {
  const parts = civilDateParts(s);
  if (!parts) throw new RangeError(`not a civil date: ${JSON.stringify(s)}`);
  return parts;
}

function requireFiscalYear(fy: number): void {
  if (!Number.isInteger(fy) || fy < 1000 || fy > 9998) {
    throw new RangeError(`not a fiscal year: ${fy}`);
  }
}

// A civil date needs no time zone: it is held as local midnight of that day, and only
// date-fns's calendar functions (which are daylight-saving safe) touch it. Building a
// zoned date for every due date made figureStatus cost ~140 µs a figure.
function civilDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(2000, monthIndex, day);
  date.setFullYear(year);
  return date;
}

function toCivilDate(date: Date): CivilDate {
  return format(date, 'yyyy-MM-dd');
}

export function fiscalYearOf(day: CivilDate): number {
  const { year, monthIndex } = requireCivilDate(day);
  return monthIndex >= FIRST_MONTH_INDEX ? year : year - 1;
}

export function fiscalYearFirstDay(fy: number): CivilDate {
  requireFiscalYear(fy);
  return toCivilDate(civilDay(fy, FIRST_MONTH_INDEX, 1));
}

export function fiscalYearLastDay(fy: number): CivilDate {
  requireFiscalYear(fy);
  return toCivilDate(lastDayOfMonth(civilDay(fy + 1, FIRST_MONTH_INDEX - 1, 1)));
}

export function isFiscalYearClosed(fy: number, today: CivilDate): boolean {
  requireFiscalYear(fy);
  return fiscalYearOf(today) > fy;
}

/** Month/day in the calendar year in which the fiscal year closes (FY2021 → 2022). */
export interface DueDateRule {
  month: number;
  day: number;
}

export const DEFAULT_DUE_DATE_RULE: DueDateRule = { month: 6, day: 30 };

// Months before April would put the due date inside the year it is reporting on.
const EARLIEST_DUE_MONTH = 4;

function isValidDueDateRule(rule: DueDateRule): boolean {
  return (
    Number.isInteger(rule.month) &&
    Number.isInteger(rule.day) &&
    rule.month >= EARLIEST_DUE_MONTH &&
    rule.month <= 12 &&
    rule.day >= 1 &&
    rule.day <= 31
  );
}

// Status rules ask for the same few due dates once per figure; a scan over every plan
// asks tens of thousands of times, so each answer is kept.
const dueDates = new Map<string, CivilDate>();

export function dueDateOf(fy: number, rule: DueDateRule = DEFAULT_DUE_DATE_RULE): CivilDate {
  const key = `${fy}:${rule.month}:${rule.day}`;
  let due = dueDates.get(key);
  if (due === undefined) {
    due = computeDueDate(fy, rule);
    dueDates.set(key, due);
  }
  return due;
}

function computeDueDate(fy: number, rule: DueDateRule): CivilDate {
  requireFiscalYear(fy);
  if (!isValidDueDateRule(rule)) throw new RangeError(`not a due date rule: ${JSON.stringify(rule)}`);
  const closingYearStart = addYears(civilDay(fy, 0, 1), 1);
  const dueMonth = set(closingYearStart, { month: rule.month - 1, date: 1 });
  // A rule such as 9-31 means "the end of September" rather than spilling into October.
  const day = Math.min(rule.day, getDate(lastDayOfMonth(dueMonth)));
  return toCivilDate(set(dueMonth, { date: day }));
}

const DUE_DATE_RULE_PATTERN = /^(\d{1,2})-(\d{1,2})$/;

export function parseDueDateRule(text: string): DueDateRule | null {
  const match = DUE_DATE_RULE_PATTERN.exec(text.normalize('NFKC').trim());
  if (!match) return null;
  const rule = { month: Number(match[1]), day: Number(match[2]) };
  if (!isValidDueDateRule(rule)) return null;
  // Reject days no month-year could hold (6-31) instead of silently clamping them.
  const longestMonthDay = getDate(lastDayOfMonth(civilDay(2000, rule.month - 1, 1)));
  return rule.day <= longestMonthDay ? rule : null;
}

export type Era = '令和' | '平成';

const REIWA_OFFSET = 2018;
const HEISEI_OFFSET = 1988;
const FIRST_REIWA_FISCAL_YEAR = 2019;
const FIRST_HEISEI_FISCAL_YEAR = 1989;
const LAST_HEISEI_YEAR = 31;
export const MIN_FISCAL_YEAR = FIRST_HEISEI_FISCAL_YEAR;
export const MAX_FISCAL_YEAR = 2100;

export function eraYearLabel(fy: number): { era: Era; year: number; ja: string; en: string } {
  requireFiscalYear(fy);
  if (fy < FIRST_HEISEI_FISCAL_YEAR) throw new RangeError(`fiscal year before Heisei: ${fy}`);
  // Government usage labels FY2019 as 令和元年度 even though April 2019 was still Heisei.
  const era: Era = fy >= FIRST_REIWA_FISCAL_YEAR ? '令和' : '平成';
  const year = fy - (era === '令和' ? REIWA_OFFSET : HEISEI_OFFSET);
  return { era, year, ja: `${era}${year === 1 ? '元' : year}年度`, en: `FY${fy}` };
}

export type FiscalYearParse =
  | { ok: true; fiscalYear: number }
  | { ok: false; reason: 'empty' | 'unrecognised' | 'out_of_range' };

// Anything longer than "令和100年度" with generous spacing is not a year someone typed.
const MAX_YEAR_INPUT_LENGTH = 16;
const WESTERN_PATTERNS = [/^FY\s*(\d{4})$/i, /^(\d{4})(?:\s*年度)?$/];
const ERA_PATTERN = /^(R|令和|H|平成)\s*(元|\d{1,3})(?:\s*年度)?$/i;

export function parseFiscalYear(input: string): FiscalYearParse {
  // NFKC folds full-width digits/letters and the ㋿/㍻ ligatures into plain text.
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_YEAR_INPUT_LENGTH) return { ok: false, reason: 'unrecognised' };

  for (const pattern of WESTERN_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return inRange(Number(match[1]));
  }

  const era = ERA_PATTERN.exec(text);
  if (!era) return { ok: false, reason: 'unrecognised' };
  const isReiwa = /^(R|令和)$/i.test(era[1] ?? '');
  const eraYear = era[2] === '元' ? 1 : Number(era[2]);
  if (eraYear < 1) return { ok: false, reason: 'unrecognised' };
  if (!isReiwa && eraYear > LAST_HEISEI_YEAR) return { ok: false, reason: 'out_of_range' };
  return inRange(eraYear + (isReiwa ? REIWA_OFFSET : HEISEI_OFFSET));
}

function inRange(fiscalYear: number): FiscalYearParse {
  return fiscalYear >= MIN_FISCAL_YEAR && fiscalYear <= MAX_FISCAL_YEAR
    ? { ok: true, fiscalYear }
    : { ok: false, reason: 'out_of_range' };
}

/** Whole days from `since` to `day` (positive when `day` is later). */
export function daysBetween(since: CivilDate, day: CivilDate): number {
  const a = requireCivilDate(since);
  const b = requireCivilDate(day);
  return differenceInCalendarDays(
    civilDay(b.year, b.monthIndex, b.day),
    civilDay(a.year, a.monthIndex, a.day),
  );
}

export function addCivilDays(day: CivilDate, days: number): CivilDate {
  const { year, monthIndex, day: d } = requireCivilDate(day);
  return toCivilDate(addDays(civilDay(year, monthIndex, d), days));
}
