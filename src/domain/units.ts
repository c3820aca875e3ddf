/**
 * The units of indicators and the other ways people write them after a number: the one table
 * every door reads (see docs/numbers.md). Key: the unit as the plan stores it. Value: what else is
 * accepted in its place — Japanese spellings, then the word the English messages show for it, so
 * the bot understands back what it writes. Full-width and half-width forms (％, ｹ所) need no row:
 * the unit text is NFKC-normalised before the look-up, and Latin letters are compared in lower case.
 *
 * Every unit of db/seeds/suita-4th.json has a row (a test keeps it so); 冊, か所 and 団体 are not in
 * the 4th plan but are how the city's other plans count.
 */
export const UNIT_SYNONYMS = {
  '%': ['パーセント', 'percent'],
  件: ['cases', 'case'],
  回: ['times', 'time'],
  人: ['名', 'people', 'person'],
  分: ['分間', 'min'],
  時間: ['hours', 'hour'],
  点: ['items', 'item'],
  拠点: ['か所', '箇所', 'ヶ所', 'ケ所', 'カ所', 'ヵ所', 'sites', 'site'],
  冊: ['volumes', 'volume'],
  か所: ['箇所', 'ヶ所', 'ケ所', 'カ所', 'ヵ所', 'places', 'place'],
  団体: ['groups', 'group'],
} as const satisfies Record<string, readonly string[]>;

export const PERCENT_UNIT = '%';

const TABLE: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(UNIT_SYNONYMS));

function normalizeUnitText(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** What may follow a number of this unit: the unit itself first, then its synonyms. */
export function unitSpellings(unit: string): string[] {
  return [unit, ...(TABLE.get(unit) ?? [])];
}

/** Does `text` (as typed after the number) name `unit`? */
export function namesUnit(text: string, unit: string): boolean {
  const typed = normalizeUnitText(text);
  return unitSpellings(unit).some((spelling) => normalizeUnitText(spelling) === typed);
}

/** The units of the table that `text` names, in table order (か所 names both 拠点 and か所). */
export function unitsNamedBy(text: string): string[] {
  return [...TABLE.keys()].filter((unit) => namesUnit(text, unit));
}
