import type { Messages } from '../messages/index.ts';

/**
 * Names, units and notes in the answer's language. The seed (and any later plan file) gives
 * each an English form; English answers use it, and fall back to the Japanese, marked as such
 * for notes, where a plan file has none. Narratives stay Japanese and are marked by the caller.
 */

export function localName(ja: string, en: string | null | undefined, m: Messages): string {
  return m.locale === 'en' && en ? en : ja;
}

export function localUnit(indicator: { unit: string; unitEn?: string | null }, m: Messages): string {
  return localName(indicator.unit, indicator.unitEn, m);
}

/** An indicator as the answer names it: its name and unit in the answer's language. */
export function localIndicator<T extends { name: string; unit: string; nameEn?: string | null; unitEn?: string | null }>(
  indicator: T,
  m: Messages,
): T {
  return { ...indicator, name: localName(indicator.name, indicator.nameEn, m), unit: localUnit(indicator, m) };
}

/** A note's lines (notes are one per line); English lines when there are, else the Japanese, marked. */
export function localNoteLines(ja: string | null, en: string | null | undefined, m: Messages): string[] {
  if (ja === null) return [];
  const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
  if (m.locale !== 'en') return lines(ja);
  return en ? lines(en) : lines(ja).map((line) => m.grading.inJapanese(line));
}
