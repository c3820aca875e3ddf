/**
 * Writes the exports of the seeded plan (with a filled-in example committee review on ⑬) to a
 * folder, for looking at by hand: `npx tsx scripts/sample-exports.ts OUT_DIR [ja|en]`.
 * scripts/check-xlsx.sh uses it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportEn } from '../src/messages/export-en.ts';
import { exportJa } from '../src/messages/export-ja.ts';
import { renderCsv, renderMarkdown, renderXlsx } from '../src/render/export/index.ts';
import { seedExportModel } from '../test/render/export/seed-model.ts';

const [outDir, localeArg = 'ja'] = process.argv.slice(2);
if (!outDir || (localeArg !== 'ja' && localeArg !== 'en')) {
  console.error('usage: tsx scripts/sample-exports.ts OUT_DIR [ja|en]');
  process.exit(2);
}
const locale = localeArg;
const labels = locale === 'en' ? exportEn : exportJa;
const model = seedExportModel({ locale, sampleCommittee: true });
mkdirSync(outDir, { recursive: true });
const base = join(outDir, `plan-${model.plan.code}-${locale}`);
writeFileSync(`${base}.xlsx`, await renderXlsx(model, labels));
writeFileSync(`${base}.csv`, renderCsv(model, labels));
writeFileSync(`${base}.md`, renderMarkdown(model, labels));
console.log(`${base}.xlsx`);
