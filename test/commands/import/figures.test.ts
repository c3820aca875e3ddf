import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeContext, type CommandContext } from '../../../commands/context.ts';
import { buildExportModel } from '../../../commands/export/build.ts';
import { applyFigures, diffFigures, type FigureRow } from '../../../commands/import/figures.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { messagesFor } from '../../../src/messages/index.ts';
import { parseCsv, renderCsv } from '../../../src/render/export/csv.ts';
import { exportWords } from '../../../src/render/export/file.ts';
import { findPlan } from '../../../src/store/action-plans.ts';
import { tempDatabase, recordFor13, thirteen } from '../../support/temp-db.ts';

const NOW = new Date('2024-08-01T09:00:00+09:00');
let t: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: CommandContext;

beforeEach(async () => {
  t = await tempDatabase();
  const plan = (await findPlan(t.db, 'suita-4'))!;
  ctx = makeContext({ db: t.db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: 'cli', isAdmin: true, canOpenForms: false } });
});
afterEach(() => t.cleanup());

/** The rows of the store's own CSV, as an import reads them. */
async function exportedRows(): Promise<(FigureRow & { line: number })[]> {
  const model = await buildExportModel(ctx, { fiscalYear: 2020, words: exportWords(messagesFor('ja')) });
  const { rows, errors } = parseCsv(renderCsv(model));
  expect(errors).toEqual([]);
  return rows;
}

const row = (rows: FigureRow[], ap: number, fy: number, position = 1) =>
  rows.find((r) => r.actionPlan === ap && r.fiscalYear === fy && r.indicatorPosition === position)!;

async function revisions(): Promise<{ n: number }> {
  return (await sql<{ n: number }>`select count(*) as n from actual_revision`.execute(t.db)).rows[0]!;
}

describe('importing figures', () => {
  it('finds nothing to do in the store’s own export', async () => {
    const diff = await diffFigures(t.db, await exportedRows());
    expect(diff.counts).toEqual({ new: 0, changed: 0, unchanged: 115, refused: 0 });
    const before = await revisions();
    expect(await applyFigures(t.db, diff, { recordedBy: 'tanaka', now: NOW })).toEqual({ kind: 'nothing_to_do' });
    expect(await revisions()).toEqual(before);
  });

  it('tells new, changed and unchanged figures apart and records them as revisions by the importer', async () => {
    const rows = await exportedRows();
    Object.assign(row(rows, 13, 2021), { actual: 6200, provisional: true });
    Object.assign(row(rows, 13, 2020), { actual: 5000, note: '再集計, "訂正"' });
    Object.assign(row(rows, 1, 2019), { note: '出典：年報' });
    const diff = await diffFigures(t.db, rows);
    expect(diff.counts).toEqual({ new: 1, changed: 2, unchanged: 112, refused: 0 });
    const changes = diff.rows.filter((r) => r.kind !== 'unchanged');
    expect(changes.map((r) => [r.line, r.kind])).toEqual([
      [2, 'changed'],
      [78, 'changed'],
      [79, 'new'],
    ]);
    expect(changes[1]).toMatchObject({ before: { value: 4991, provisional: false, note: null }, after: { value: 5000, note: '再集計, "訂正"' } });

    const before = (await revisions()).n;
    expect(await applyFigures(t.db, diff, { recordedBy: 'tanaka', now: NOW })).toEqual({ kind: 'applied', count: 3 });
    expect((await revisions()).n).toBe(before + 3);
    const written = await t.db
      .selectFrom('actual_revision')
      .select(['value', 'provisional', 'recorded_by', 'recorded_at', 'source', 'note'])
      .where('source', '=', 'import')
      .orderBy('id')
      .execute();
    expect(written).toEqual([
      { value: 30.4, provisional: 0, recorded_by: 'tanaka', recorded_at: NOW.toISOString(), source: 'import', note: '出典：年報' },
      { value: 5000, provisional: 0, recorded_by: 'tanaka', recorded_at: NOW.toISOString(), source: 'import', note: '再集計, "訂正"' },
      { value: 6200, provisional: 1, recorded_by: 'tanaka', recorded_at: NOW.toISOString(), source: 'import', note: null },
    ]);
    // The earlier value stays in the history.
    const history = await t.db.selectFrom('actual_revision').select('value').where('value', '=', 4991).execute();
    expect(history).toHaveLength(1);
    expect((await diffFigures(t.db, rows)).counts).toMatchObject({ new: 0, changed: 0, unchanged: 115 });
  });

  it('refuses the whole file, naming each line and why, and writes nothing', async () => {
    const rows = await exportedRows();
    const bad: FigureRow[] = [
      { ...row(rows, 13, 2021), actual: 6200 },
      { ...row(rows, 1, 2019), line: 900, planCode: 'osaka-1' },
      { ...row(rows, 1, 2019), line: 901, actionPlan: 99 },
      { ...row(rows, 1, 2019), line: 902, indicatorPosition: 3 },
      { ...row(rows, 2, 2020), indicator: '別の指標' },
      { ...row(rows, 3, 2020), unit: '人' },
      { ...row(rows, 5, 2021), target: 999 },
      { ...row(rows, 20, 2019), actual: null, provisional: false },
      { ...row(rows, 13, 2019), line: 903, fiscalYear: 2030 },
    ];
    const diff = await diffFigures(t.db, bad);
    expect(diff.counts).toEqual({ new: 1, changed: 0, unchanged: 0, refused: 8 });
    const refused = diff.rows.flatMap((r) => (r.kind === 'refused' ? [[r.line, r.reasons.map((x) => x.code)]] : []));
    expect(refused).toEqual([
      [900, ['unknown_plan']],
      [901, ['unknown_action_plan']],
      [902, ['unknown_indicator']],
      [row(rows, 2, 2020).line, ['name_mismatch']],
      [row(rows, 3, 2020).line, ['unit_mismatch']],
      [row(rows, 5, 2021).line, ['target_differs']],
      [row(rows, 20, 2019).line, ['actual_cleared']],
      [903, ['year_outside_plan']],
    ]);
    const before = await revisions();
    expect(await applyFigures(t.db, diff, { recordedBy: 'tanaka', now: NOW })).toEqual({ kind: 'refused', count: 8 });
    expect(await revisions()).toEqual(before);
  });

  it('refuses a change to a locked year, and takes a row that only repeats what the year holds', async () => {
    const rows = await exportedRows();
    const locked = async () => new Set([2020]);
    const diff = await diffFigures(t.db, [{ ...row(rows, 13, 2020), actual: 5000 }, row(rows, 1, 2020), { ...row(rows, 13, 2021), actual: 1 }], locked);
    expect(diff.rows.map((r) => [r.kind, r.kind === 'refused' ? r.reasons : null])).toEqual([
      ['refused', [{ code: 'locked_year', fiscalYear: 2020 }]],
      ['unchanged', null],
      ['new', null],
    ]);
  });

  it('takes the unit in another width or spelling, and the name in another width', async () => {
    const rows = await exportedRows();
    const diff = await diffFigures(t.db, [
      { ...row(rows, 1, 2019), unit: '％' },
      { ...row(rows, 13, 2019), indicator: '無線ＬＡＮアクセス回数', unit: 'times' },
    ]);
    expect(diff.counts).toMatchObject({ unchanged: 2, refused: 0 });
  });

  it('writes nothing when someone records one of its figures between the comparison and the write', async () => {
    const rows = await exportedRows();
    Object.assign(row(rows, 13, 2021), { actual: 6200 });
    Object.assign(row(rows, 13, 2022), { actual: 9000 });
    const diff = await diffFigures(t.db, rows);
    const { indicatorId } = await thirteen(t.db);
    await recordFor13(t.db, indicatorId, { value: 6100, fiscalYear: 2021 });
    const before = await revisions();
    expect(await applyFigures(t.db, diff, { recordedBy: 'tanaka', now: NOW })).toEqual({ kind: 'changed_meanwhile', count: 1 });
    expect(await revisions()).toEqual(before);
  });
});
