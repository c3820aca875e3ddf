import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Face } from './fonts.ts';

/**
 * Fonts cut down to the characters of one chart, so resvg stays fast.
 *
 * resvg-js (the native build) takes fonts only as file paths, and reads the whole file again
 * for every glyph it outlines: with the 4.5 MB Japanese faces that is about 100 ms of a chart's
 * render. A copy of the face whose outlines are only the chart's few dozen characters (about
 * 100 kB) takes that to a few ms. The copies are written to a private temporary folder, reused
 * while the same characters come back, and removed when the process exits.
 */

/**
 * A TrueType font with the same glyph ids and metrics as `face` but outlines only for the
 * characters in `codePoints` (and .notdef), and a cmap mapping just those. Dropped on the way:
 * vertical metrics, hinting programs and GSUB (horizontal chart labels use none of them).
 */
export function subsetFace(face: Face, codePoints: Iterable<number>): Buffer {
  const mapped: Array<[number, number]> = [];
  for (const cp of new Set(codePoints)) {
    const glyph = face.glyphOf(cp);
    if (glyph !== 0) mapped.push([cp, glyph]);
  }
  mapped.sort((a, b) => a[0] - b[0]);
  const keep = glyphClosure(face, [0, ...mapped.map(([, glyph]) => glyph)]);
  const { glyf, loca, shortLoca } = buildGlyf(face, keep);
  const head = Buffer.from(table(face, 'head'));
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  head.writeInt16BE(shortLoca ? 0 : 1, 50); // indexToLocFormat
  const tables = new Map<string, Buffer>([
    ['OS/2', table(face, 'OS/2')],
    ['cmap', buildCmap(mapped)],
    ['glyf', glyf],
    ['head', head],
    ['hhea', table(face, 'hhea')],
    ['hmtx', table(face, 'hmtx')],
    ['loca', loca],
    ['maxp', table(face, 'maxp')],
    ['name', table(face, 'name')],
    ['post', table(face, 'post')],
  ]);
  const { font, offsets } = assemble(tables);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, offsets.get('head')! + 8);
  return font;
}

function table(face: Face, tag: string): Buffer {
  const entry = face.tables.get(tag);
  if (!entry) throw new Error(`font has no ${tag} table`);
  return face.bytes.subarray(entry[0], entry[0] + entry[1]);
}

/** [start, end) of each glyph's outline inside the glyf table. */
function glyphRange(face: Face, glyph: number): [number, number] {
  const loca = table(face, 'loca');
  const long = table(face, 'head').readInt16BE(50) === 1;
  return long
    ? [loca.readUInt32BE(glyph * 4), loca.readUInt32BE(glyph * 4 + 4)]
    : [loca.readUInt16BE(glyph * 2) * 2, loca.readUInt16BE(glyph * 2 + 2) * 2];
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The glyphs to keep, with the components that composite glyphs are built from. */
function glyphClosure(face: Face, roots: number[]): Set<number> {
  const glyf = table(face, 'glyf');
  const keep = new Set<number>();
  const pending = [...roots];
  while (pending.length) {
    const glyph = pending.pop()!;
    if (keep.has(glyph) || glyph >= face.numGlyphs) continue;
    keep.add(glyph);
    const [start, end] = glyphRange(face, glyph);
    if (end - start < 10 || glyf.readInt16BE(start) >= 0) continue;
    let at = start + 10;
    for (;;) {
      const flags = glyf.readUInt16BE(at);
      pending.push(glyf.readUInt16BE(at + 2));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) break;
    }
  }
  return keep;
}

/** A glyf table with every other glyph left empty, and its loca (short when it fits). */
function buildGlyf(face: Face, keep: Set<number>): { glyf: Buffer; loca: Buffer; shortLoca: boolean } {
  const source = table(face, 'glyf');
  const offsets = new Uint32Array(face.numGlyphs + 1);
  const parts: Buffer[] = [];
  let size = 0;
  for (let glyph = 0; glyph < face.numGlyphs; glyph++) {
    offsets[glyph] = size;
    if (!keep.has(glyph)) continue;
    const [start, end] = glyphRange(face, glyph);
    if (end <= start) continue;
    const padded = (end - start + 3) & ~3;
    const data = Buffer.alloc(padded);
    source.copy(data, 0, start, end);
    parts.push(data);
    size += padded;
  }
  offsets[face.numGlyphs] = size;
  const shortLoca = size <= 0x1fffe;
  const loca = Buffer.alloc((face.numGlyphs + 1) * (shortLoca ? 2 : 4));
  offsets.forEach((offset, i) => (shortLoca ? loca.writeUInt16BE(offset / 2, i * 2) : loca.writeUInt32BE(offset, i * 4)));
  return { glyf: Buffer.concat(parts, size), loca, shortLoca };
}

/** A cmap with one Windows full-Unicode subtable (format 12) for the kept characters. */
function buildCmap(mapped: Array<[number, number]>): Buffer {
  const groups: Array<[number, number, number]> = [];
  for (const [cp, glyph] of mapped) {
    const last = groups.at(-1);
    if (last && cp === last[1] + 1 && glyph === last[2] + (cp - last[0])) last[1] = cp;
    else groups.push([cp, cp, glyph]);
  }
  const length = 16 + groups.length * 12;
  const cmap = Buffer.alloc(12 + length);
  cmap.writeUInt16BE(0, 0); // version
  cmap.writeUInt16BE(1, 2); // one subtable
  cmap.writeUInt16BE(3, 4); // Windows
  cmap.writeUInt16BE(10, 6); // Unicode full repertoire
  cmap.writeUInt32BE(12, 8);
  cmap.writeUInt16BE(12, 12); // format
  cmap.writeUInt32BE(length, 16);
  cmap.writeUInt32BE(groups.length, 24);
  groups.forEach(([start, end, glyph], i) => {
    cmap.writeUInt32BE(start, 28 + i * 12);
    cmap.writeUInt32BE(end, 32 + i * 12);
    cmap.writeUInt32BE(glyph, 36 + i * 12);
  });
  return cmap;
}

function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

/** The sfnt file: header, table records sorted by tag, then each table 4-byte aligned. */
function assemble(tables: Map<string, Buffer>): { font: Buffer; offsets: Map<string, number> } {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + count * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  const offsets = new Map<string, number>();
  let offset = header.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const record = 12 + i * 16;
    header.write(tag, record, 'latin1');
    header.writeUInt32BE(checksum(data), record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(data.length, record + 12);
    offsets.set(tag, offset);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return { font: Buffer.concat([header, ...bodies]), offsets };
}

/** How many distinct character sets keep their cut fonts on disk. */
const CACHE_SIZE = 32;

let folder: string | null = null;
const cache = new Map<string, string[]>();

/**
 * Paths of fonts cut from each of `faces` to the characters of `text`, written once per distinct
 * character set and kept for the next chart that needs the same.
 */
export function subsetFontFiles(faces: readonly Face[], text: string): string[] {
  const codePoints = [...new Set(Array.from(text, (ch) => ch.codePointAt(0) ?? 0))].sort((a, b) => a - b);
  const key = createHash('sha1').update(codePoints.join(',')).digest('hex').slice(0, 16);
  const cached = cache.get(key);
  if (cached) {
    // Refresh its place: the map's order is the eviction order.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  if (!folder) {
    const created = mkdtempSync(join(tmpdir(), 'plan-bot-chart-fonts-'));
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
    folder = created;
  }
  const dir = folder;
  const paths = faces.map((face, i) => {
    const path = join(dir, `${key}-${i}.ttf`);
    writeFileSync(path, subsetFace(face, codePoints));
    return path;
  });
  cache.set(key, paths);
  if (cache.size > CACHE_SIZE) {
    const [oldest, stale] = cache.entries().next().value as [string, string[]];
    cache.delete(oldest);
    for (const path of stale) removeQuietly(path);
  }
  return paths;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to free.
  }
}

/** The characters an SVG document draws: the text between its tags, entities decoded. */
export function svgText(svg: string): string {
  let text = '';
  for (const match of svg.matchAll(/>([^<]+)</g)) text += match[1];
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? '';
  });
}
