import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The chart's only fonts: BIZ UDPGothic (Morisawa's universal-design gothic, SIL OFL 1.1), the
 * TrueType files shipped by the npm package `@expo-google-fonts/biz-udpgothic`. No system font is
 * ever used, so a chart looks the same on every machine.
 */
export const CHART_FONT_FAMILY = 'BIZ UDPGothic';

const FONT_PACKAGE = '@expo-google-fonts/biz-udpgothic';
const FONT_FILES = ['400Regular/BIZUDPGothic_400Regular.ttf', '700Bold/BIZUDPGothic_700Bold.ttf'] as const;

let paths: string[] | null = null;

/** Absolute paths of the regular and bold faces, resolved once. */
export function chartFontFiles(): string[] {
  paths ??= FONT_FILES.map((file) => createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/${file}`));
  return paths;
}

/** A TrueType font held in memory, with the little of it that measuring and subsetting need. */
export interface Face {
  bytes: Buffer;
  /** Table tag → [offset, length] in `bytes`. */
  tables: Map<string, readonly [number, number]>;
  unitsPerEm: number;
  numGlyphs: number;
  advances: Uint16Array;
  /** Unicode code point → glyph id; 0 (.notdef) when the font has no glyph for it. */
  glyphOf(codePoint: number): number;
}

let faces: Face[] | null = null;

/**
 * The regular [0] and bold [1] faces: each file read into memory and parsed once per process,
 * on first use, then shared by text measuring and by every chart's font subset.
 */
export function chartFaces(): Face[] {
  faces ??= chartFontFiles().map((path) => parseFace(readFileSync(path), path));
  return faces;
}

/** Width in pixels of `text` set in the chart font, from the font's own advance widths. */
export function chartTextWidth(text: string, fontSize: number, bold = false): number {
  const face = chartFaces()[bold ? 1 : 0]!;
  let units = 0;
  for (const ch of text) {
    const glyph = face.glyphOf(ch.codePointAt(0) ?? 0);
    units += face.advances[Math.min(glyph, face.advances.length - 1)] ?? 0;
  }
  return (units * fontSize) / face.unitsPerEm;
}

/** The characters of `text` that the chart font cannot draw (they would come out as boxes). */
export function missingGlyphs(text: string, bold = false): string[] {
  const face = chartFaces()[bold ? 1 : 0]!;
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    if (face.glyphOf(ch.codePointAt(0) ?? 0) === 0) missing.add(ch);
  }
  return [...missing];
}

function parseFace(bytes: Buffer, name: string): Face {
  const tables = new Map<string, readonly [number, number]>();
  const numTables = bytes.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    tables.set(bytes.toString('latin1', record, record + 4), [
      bytes.readUInt32BE(record + 8),
      bytes.readUInt32BE(record + 12),
    ]);
  }
  const offset = (tag: string): number => {
    const entry = tables.get(tag);
    if (!entry) throw new Error(`${name}: no ${tag} table`);
    return entry[0];
  };
  const numberOfHMetrics = bytes.readUInt16BE(offset('hhea') + 34);
  const hmtx = offset('hmtx');
  const advances = new Uint16Array(numberOfHMetrics);
  for (let i = 0; i < numberOfHMetrics; i++) advances[i] = bytes.readUInt16BE(hmtx + i * 4);
  return {
    bytes,
    tables,
    unitsPerEm: bytes.readUInt16BE(offset('head') + 18),
    numGlyphs: bytes.readUInt16BE(offset('maxp') + 4),
    advances,
    glyphOf: unicodeLookup(bytes, offset('cmap'), name),
  };
}

/** Unicode → glyph lookups by binary search over the cmap's ranges: no table is built. */
function unicodeLookup(font: Buffer, cmap: number, name: string): (codePoint: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  const subtables: Array<{ format: number; at: number }> = [];
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const at = cmap + font.readUInt32BE(record + 4);
    if (platform === 3 && (encoding === 10 || encoding === 1)) subtables.push({ format: font.readUInt16BE(at), at });
  }
  // The full-Unicode table (format 12) when there is one, else the BMP table (format 4).
  const format12 = subtables.find((t) => t.format === 12);
  if (format12) return format12Lookup(font, format12.at);
  const format4 = subtables.find((t) => t.format === 4);
  if (format4) return format4Lookup(font, format4.at);
  throw new Error(`${name}: no Unicode cmap`);
}

function format12Lookup(font: Buffer, at: number): (codePoint: number) => number {
  const groups = font.readUInt32BE(at + 12);
  const group = (g: number) => at + 16 + g * 12;
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < font.readUInt32BE(group(mid))) hi = mid - 1;
      else if (cp > font.readUInt32BE(group(mid) + 4)) lo = mid + 1;
      else return font.readUInt32BE(group(mid) + 8) + cp - font.readUInt32BE(group(mid));
    }
    return 0;
  };
}

function format4Lookup(font: Buffer, at: number): (codePoint: number) => number {
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (font.readUInt16BE(ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = font.readUInt16BE(starts + lo * 2);
    if (cp < start || cp > font.readUInt16BE(ends + lo * 2)) return 0;
    const delta = font.readInt16BE(deltas + lo * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + lo * 2);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const index = font.readUInt16BE(rangeOffsets + lo * 2 + rangeOffset + (cp - start) * 2);
    return index === 0 ? 0 : (index + delta) & 0xffff;
  };
}
