import { namesUnit } from '../../src/domain/units.ts';
import type { PlanSeed } from '../../src/store/seed-file.ts';

/**
 * What a plan file can get wrong while still being valid: the slips of copying a plan document
 * into data by hand. Each is worth a look before anything is written; `--strict` refuses a file
 * with any. Only the Japanese texts are read (the source document's language); English
 * translations write negatives with a minus as they should.
 */
export type QualityWarning =
  /** The table's unit and the unit the text writes after the indicator's name differ. */
  | { code: 'unit_mismatch'; actionPlan: number; indicator: string; unit: string; textUnit: string }
  /** A year between two targeted years with no target and not marked 評価期間前. */
  | { code: 'target_gap'; actionPlan: number; indicator: string; fiscalYear: number }
  /** The text speaks of a year's target; no indicator of the action plan has one for that year. */
  | { code: 'target_only_in_text'; actionPlan: number; fiscalYear: number }
  /** The text writes a negative with a minus; the document's convention is ▲. */
  | { code: 'negative_without_triangle'; actionPlan: number; excerpt: string }
  /** A target or actual outside the indicator's range (a negative where none can be, usually). */
  | { code: 'outside_range'; actionPlan: number; indicator: string; fiscalYear: number; value: number }
  /** Two indicators with one name: a reader (and a figures CSV) cannot tell them apart. */
  | { code: 'duplicate_indicator'; indicator: string; actionPlans: number[] };

type ActionPlanSeed = PlanSeed['actionPlans'][number];

export function checkPlanQuality(seed: PlanSeed): QualityWarning[] {
  const warnings: QualityWarning[] = [];
  const { firstFiscalYear, lastFiscalYear } = seed.plan;
  for (const ap of seed.actionPlans) {
    const texts = japaneseTexts(ap).map((text) => text.normalize('NFKC'));
    for (const ind of ap.indicators) {
      for (const textUnit of unitsWrittenAfter(ind.name, texts)) {
        if (!namesUnit(textUnit, ind.unit)) {
          warnings.push({ code: 'unit_mismatch', actionPlan: ap.number, indicator: ind.name, unit: ind.unit, textUnit });
        }
      }
      const targeted = Object.keys(ind.targets).map(Number).sort((a, b) => a - b);
      const before = new Set(ind.beforeEvaluation ?? []);
      for (let fy = targeted[0] ?? 0; fy < (targeted.at(-1) ?? 0); fy++) {
        if (!(String(fy) in ind.targets) && !before.has(fy)) {
          warnings.push({ code: 'target_gap', actionPlan: ap.number, indicator: ind.name, fiscalYear: fy });
        }
      }
      const values: [string, number][] = [
        ...Object.entries(ind.targets),
        ...Object.entries(ind.actuals).map(([fy, a]): [string, number] => [fy, a.value]),
      ];
      for (const [fy, value] of values) {
        const { min, max } = ind.range;
        if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
          warnings.push({ code: 'outside_range', actionPlan: ap.number, indicator: ind.name, fiscalYear: Number(fy), value });
        }
      }
    }
    const targetYears = new Set(ap.indicators.flatMap((ind) => Object.keys(ind.targets).map(Number)));
    const mentioned = new Set(texts.flatMap(targetYearsMentioned));
    for (const fy of [...mentioned].sort((a, b) => a - b)) {
      if (fy >= firstFiscalYear && fy <= lastFiscalYear && !targetYears.has(fy)) {
        warnings.push({ code: 'target_only_in_text', actionPlan: ap.number, fiscalYear: fy });
      }
    }
    for (const excerpt of texts.flatMap(minusNegatives)) {
      warnings.push({ code: 'negative_without_triangle', actionPlan: ap.number, excerpt });
    }
  }
  const byName = new Map<string, { name: string; actionPlans: number[] }>();
  for (const ap of seed.actionPlans) {
    for (const ind of ap.indicators) {
      const key = ind.name.normalize('NFKC').trim();
      const entry = byName.get(key) ?? { name: ind.name, actionPlans: [] };
      entry.actionPlans.push(ap.number);
      byName.set(key, entry);
    }
  }
  for (const { name, actionPlans } of byName.values()) {
    if (actionPlans.length > 1) warnings.push({ code: 'duplicate_indicator', indicator: name, actionPlans });
  }
  return warnings;
}

function japaneseTexts(ap: ActionPlanSeed): string[] {
  return [
    ...(ap.narrative ? [ap.narrative] : []),
    ...ap.indicators.flatMap((ind) => [
      ...(ind.notes ?? []),
      ...Object.values(ind.actuals).flatMap((a) => (a.note ? [a.note] : [])),
    ]),
  ];
}

/** 「文書の電子化率(%)」: the unit a text writes in brackets after the indicator's name (NFKC text). */
function unitsWrittenAfter(name: string, texts: string[]): string[] {
  const pattern = new RegExp(`${escapeRegExp(name.normalize('NFKC'))}\\s*\\(([^()]{1,8})\\)`, 'g');
  return [...new Set(texts.flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1]!.trim())))];
}

// 令和2年度の目標, 令和3〜5年度の目標 (NFKC turns ～ into ~, leaves 〜).
const TARGET_YEARS = /(令和|平成)(元|\d{1,2})(?:年度)?(?:[〜~\-・](元|\d{1,2}))?年度の?目標/g;

function targetYearsMentioned(text: string): number[] {
  const years: number[] = [];
  for (const match of text.matchAll(TARGET_YEARS)) {
    const offset = match[1] === '令和' ? 2018 : 1988;
    const from = eraYear(match[2]!) + offset;
    const to = match[3] ? eraYear(match[3]) + offset : from;
    for (let fy = from; fy <= to && fy - from < 50; fy++) years.push(fy);
  }
  return years;
}

function eraYear(word: string): number {
  return word === '元' ? 1 : Number(word);
}

// A minus straight before a digit and not after a Latin letter or a digit: "から-16.68", not
// 2021-06 or LAN-2 (kana and kanji before it are text, so they count as a start).
const MINUS_NEGATIVE = /(?<![A-Za-z0-9.])[-−](?=\d)/g;

function minusNegatives(text: string): string[] {
  return [...text.matchAll(MINUS_NEGATIVE)].map((m) => {
    const chars = [...text];
    const at = [...text.slice(0, m.index)].length;
    return chars.slice(Math.max(0, at - 6), at + 8).join('');
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
