/**
 * Japanese has no spaces between words, so matching is by substring after folding away the
 * differences people do not type consistently: width and case (NFKC: "ict" finds "ＩＣＴ"),
 * hyphens, dashes, middle dots and spaces ("wifi" finds "Wi-Fi", "防災防犯" finds "防災・防犯"),
 * long vowel marks ("サーバ" finds "サーバー") and katakana against hiragana ("どろん" finds "ドローン").
 * The wave dash 〜 is kept: in 令和3〜5年度 it means "to", not a long vowel.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(IGNORED, '')
    .replace(KATAKANA, (k) => String.fromCharCode(k.charCodeAt(0) - KATAKANA_TO_HIRAGANA));
}

// After NFKC: ASCII hyphen-minus, the Unicode hyphens and dashes, minus sign, katakana and
// half-width middle dots, Latin middle dot, the long vowel mark ー (half-width ｰ folds into it)
// and every kind of space.
const IGNORED = /[-\u2010-\u2015\u2212\u2043\u30fb\u00b7\u2027\u30fc\s]/gu;
// ァ…ヶ map one for one onto ぁ…ゖ; ヷ–ヺ have no hiragana and stay as they are.
const KATAKANA = /[\u30a1-\u30f6]/gu;
const KATAKANA_TO_HIRAGANA = 0x60;

/** True when every word occurs in one of the texts; a word of nothing but separators matches anything. */
export function matchesAllWords(texts: readonly (string | null)[], words: readonly string[]): boolean {
  return matchesAllFolded(foldTexts(texts), words);
}

/**
 * The texts as a search compares them, each folded on its own: with spaces folded away, joining
 * them first would let a word span two texts. Kept by callers whose texts do not change.
 */
export function foldTexts(texts: readonly (string | null)[]): string[] {
  return texts.filter((t): t is string => t !== null).map(foldForSearch);
}

/** matchesAllWords on texts already folded by foldTexts. */
export function matchesAllFolded(folded: readonly string[], words: readonly string[]): boolean {
  return words.every((word) => {
    const needle = foldForSearch(word);
    return folded.some((text) => text.includes(needle));
  });
}
