/**
 * Generated `/plan` texts for the fuzz suites: a seeded PRNG (a failure names its seed
 * and index, so it reproduces), words the grammar knows mixed with what people, keyboards
 * and attackers produce.
 */
import { VERBS } from '../../commands/grammar.ts';
import { seededRandom } from '../support/random.ts';


const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

const GRAMMAR_WORDS = [
  ...Object.values(VERBS).flat(),
  'share', '共有', 'SHARE', 'add', 'remove', 'rm', '追加', '削除', 'ADD', '--date', '--date=', '--date=2024-07-01',
  'show', 'list', '13',
];
const NUMBERS = [
  '0', '-1', '1', '2', '13', '20', '21', '99', '999', '1000', '013', '0013', '00', '+5', '1.5', '1e3', '0x10',
  '99999999999999999999', '9007199254740993', '-0', 'NaN', 'Infinity', '１３', '０', '２０', '٣', '१३', '¹³',
];
const CIRCLED = [
  ...range(0x2460, 0x2473), // ①–⑳
  ...range(0x3251, 0x325f), // ㉑–㉟
  ...range(0x32b1, 0x32bf), // ㊱–㊿
  '⓪', '⑴', '⒀', '⒈', '❶', '➓', '⓵',
];
const DATES = [
  '2024-07-01', '2023-02-29', '2024-02-29', '9999-12-31', '0000-01-01', '1000-01-01', '2024-13-01', '2024-00-10',
  '２０２４－０７－０１', '2024/07/01', '令和6年7月1日', '2100-03-31', '1989-04-01', '2019-06-30',
];
const JAPANESE = [
  '防犯', '防災・防犯', '防災', '手続', '内部事務', '情報発信', '福祉・健康', '子育て', '令和3年度', '実績', '目標',
  '担当', 'ｱｸｼｮﾝﾌﾟﾗﾝ', 'テーマ', '電子化', 'ＩＣＴ', 'ict', 'Wi-Fi', '吹田市', '第4期', '〇', '一三',
];
const USERS = [
  '<@U0123ABC>', '<@U0123ABC|suzuki>', 'U0ADMIN', '<@W0ABC>', '@suzuki', '<@U>', '<@u0123abc>', '<#C0PLAN|plan>',
  '<!channel>', '<!here>', '<@U0123ABC|>', '＠Ｕ０１２３',
];
const EMOJI = ['😀', '👨‍👩‍👧', '🇯🇵', '⚠️', '✅', '🧑🏽‍💻', ':white_check_mark:', '㊙️', '\u{1F600}\u{FE0F}'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060', '\u00ad', '\u034f', '\u180e'];
const BIDI = ['\u202e', '\u200f', '\u202b', '\u2067', '\u061c', 'مرحبا', 'שלום'];
const SQL = [
  "'; DROP TABLE actual_revision; --", '1 OR 1=1', "%' --", '" or ""="', '13; delete from yearly_figure',
  "' UNION SELECT * FROM plan --", '%', '_', '\\', '\\%',
];
const CONTROL = ['\u0000', '\u0007', '\b', '\u001b[31m', '\r', '\n', '\t', '\u0085', '\u2028', '\u007f', '\r\n'];
const SPACES = [' ', ' ', ' ', '\u3000', '  ', '\t', '\u00a0', '\u2003', ''];
const ODD = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '<script>alert(1)</script>',
  '*bold*', '`code`', '```', '&amp;', '&lt;', '${x}', '{{x}}', '%s%n', '\ud800', '\udfff', 'ﷺ', '﷽', 'ǅ', 'İ', 'ß',
  'https://example.com/?a=1&b=2', '<https://evil.example|click>', 'null', 'undefined', 'true', '[]', '{}',
];

const POOLS = [GRAMMAR_WORDS, GRAMMAR_WORDS, NUMBERS, CIRCLED, DATES, JAPANESE, USERS, EMOJI, INVISIBLE, BIDI, SQL, CONTROL, ODD];

export interface TextGenerator {
  next(): string;
}

/** Texts up to `maxLength` characters (3,000 by default). */
export function textGenerator(seed: number, maxLength = 3000): TextGenerator {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const word = () => pick(pick(POOLS));

  // Commands that parse, with a twist, so the handlers behind the grammar get exercised too.
  const structured = (): string => {
    const n = pick([...NUMBERS, ...CIRCLED, String(1 + int(20))]);
    const parts = pick([
      () => [n],
      () => [pick(VERBS.history), n],
      () => [pick(VERBS.report), n],
      () => [pick(VERBS.policy), pick(['1', '2', '3', '4', '0', ...NUMBERS])],
      () => [pick(VERBS.theme), pick(JAPANESE)],
      () => [pick(VERBS.search), ...Array.from({ length: 1 + int(4) }, word)],
      () => [pick(VERBS.overdue), ...(random() < 0.5 ? [pick(DATES)] : ['--date', pick(DATES)])],
      () => [pick(VERBS.alerts), ...(random() < 0.5 ? [] : [pick(DATES)])],
      () => [pick(VERBS.owner), n, ...(random() < 0.3 ? [] : [pick(['add', 'remove', '追加', '削除', ...ODD]), pick(USERS)])],
      () => [pick(VERBS.list)],
      () => [pick(VERBS.help)],
    ])();
    if (random() < 0.3) parts.push(pick(['share', '共有']));
    if (random() < 0.15) parts.splice(int(parts.length + 1), 0, word());
    return parts.join(pick(SPACES.filter(Boolean)));
  };

  const wordSoup = (): string => {
    const count = int(9);
    let out = '';
    for (let i = 0; i < count; i++) out += (i ? pick(SPACES) : '') + word();
    return out;
  };

  const long = (): string => {
    const target = 400 + int(maxLength - 400 + 1);
    const unit = random() < 0.5 ? word() : structured();
    let out = '';
    while (out.length < target) out += unit + pick(SPACES);
    return out.slice(0, target);
  };

  return {
    next() {
      const r = random();
      const text = r < 0.4 ? structured() : r < 0.9 ? wordSoup() : long();
      // Leading and trailing junk as a careless paste brings it.
      const wrapped = random() < 0.2 ? `${pick([...SPACES, ...INVISIBLE, ...BIDI])}${text}${pick([...SPACES, ...CONTROL])}` : text;
      return wrapped.length > maxLength ? wrapped.slice(0, maxLength) : wrapped;
    },
  };
}
