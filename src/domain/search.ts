/**
 * Japanese has no spaces between words, so matching is by substring after folding
 * full-width forms and case: "ict" finds "ＩＣＴ", "wifi" does not find "Wi-Fi" (on purpose:
 * predictable beats clever for a search people read the results of).
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** True when every word occurs somewhere in the texts. */
export function matchesAllWords(texts: readonly (string | null)[], words: readonly string[]): boolean {
  const haystack = foldForSearch(texts.filter((t): t is string => t !== null).join('\n'));
  return words.every((word) => haystack.includes(foldForSearch(word)));
}
