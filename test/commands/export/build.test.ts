import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../commands/answer.ts';
import { makeContext, type CommandContext } from '../../../commands/context.ts';
import { buildExportModel } from '../../../commands/export/build.ts';
import type { ExportModel } from '../../../commands/export/model.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { messagesFor } from '../../../src/messages/index.ts';
import { csvRowsOf } from '../../../src/render/export/csv.ts';
import { exportWords } from '../../../src/render/export/file.ts';
import { findPlan } from '../../../src/store/action-plans.ts';
import { addOwner } from '../../../src/store/owners.ts';
import { seedPlan } from '../../../src/store/seed.ts';
import { loadSeedFile } from '../../../src/store/seed-file.ts';
import { secondPlan } from '../../support/plan-files.ts';
import { tempDatabase } from '../../support/temp-db.ts';

const NOW = new Date('2024-08-01T09:00:00+09:00');
let t: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: CommandContext;
const words = exportWords(messagesFor('ja'));

const actionPlan = (model: ExportModel, n: number) =>
  model.policies.flatMap((p) => p.themes).flatMap((th) => th.actionPlans).find((ap) => ap.number === n)!;

beforeAll(async () => {
  t = await tempDatabase();
  const plan = (await findPlan(t.db, 'suita-4'))!;
  ctx = makeContext({ db: t.db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: 'cli', isAdmin: true, canOpenForms: false } });
});
afterAll(() => t.cleanup());

describe('the export model read from the store', () => {
  it('holds every seed figure in the source document’s order: policy → theme → action plan', async () => {
    const model = await buildExportModel(ctx, { fiscalYear: 2020, words });
    const seed = loadSeedFile();
    expect(model.plan).toEqual({ code: 'suita-4', name: seed.plan.name, firstFiscalYear: 2019, lastFiscalYear: 2023, reviewFiscalYear: 2020 });
    expect(model.asOf).toBe('2024-08-01');
    expect(model.policies.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(model.policies.flatMap((p) => p.themes.map((th) => th.name))).toEqual(seed.themes.map((th) => th.name));
    const rows = csvRowsOf(model);
    expect(rows).toHaveLength(23 * 5);
    for (const ap of seed.actionPlans) {
      ap.indicators.forEach((ind, index) => {
        for (let fy = 2019; fy <= 2023; fy++) {
          const row = rows.find((r) => r.actionPlan === ap.number && r.indicatorPosition === index + 1 && r.fiscalYear === fy)!;
          expect([row.indicator, row.target, row.actual], `${ap.number}/${index + 1}/${fy}`).toEqual([
            ind.name,
            ind.targets[String(fy)] ?? null,
            ind.actuals[String(fy)]?.value ?? null,
          ]);
        }
      });
    }
  });

  it('judges each year as the answers do: status on the day, grade by the store’s grading, achievement', async () => {
    const model = await buildExportModel(ctx, { fiscalYear: 2020, words });
    const [y2019, y2020, y2021] = actionPlan(model, 13).indicators[0]!.years;
    expect(y2019).toMatchObject({ target: 1000, actual: 5270, achievement: 5.27, grade: { code: 'A' }, status: 'achieved', statusLabel: '達成' });
    expect(y2020).toMatchObject({ target: 3000, actual: 4991, grade: { code: 'A' }, recordedBy: '計画資料' });
    expect(y2021).toMatchObject({ target: 7000, actual: null, grade: null, status: 'overdue', recordedAt: null });
    // ④ FY2020: a rate of change of ▲16.68 points against +10: far short, graded D.
    expect(actionPlan(model, 4).indicators[0]!.years.find((y) => y.fiscalYear === 2020)).toMatchObject({ actual: -16.68, grade: { code: 'D' } });
  });

  it('prints the narratives under the year they evaluate, and leaves another year’s 進捗状況 empty', async () => {
    const review = actionPlan(await buildExportModel(ctx, { fiscalYear: 2020, words }), 13);
    expect(review.narrative).toContain('公衆無線LAN');
    expect(review.narrativeFiscalYear).toBe(2020);
    const later = await buildExportModel(ctx, { fiscalYear: 2021, words });
    expect(later.plan.reviewFiscalYear).toBe(2021);
    expect(actionPlan(later, 13)).toMatchObject({ narrative: null, narrativeFiscalYear: 2021 });
  });

  it('names the owners and leaves the committee’s part empty until reviews exist', async () => {
    const thirteen = (await t.db.selectFrom('action_plan').select('id').where('number', '=', 13).executeTakeFirstOrThrow()).id;
    await addOwner(t.db, { actionPlanId: thirteen, userId: 'U0OWNER', addedBy: 'U0ADMIN', now: NOW });
    const ap = actionPlan(await buildExportModel(ctx, { fiscalYear: 2020, words }), 13);
    expect(ap.owners).toEqual(['U0OWNER']);
    expect(ap.committee).toBeNull();
    expect(ap.issues).toBeNull();
  });
});

describe('/plan export, the handler', () => {
  it('asks the door for the file of the plan named, for the review year unless told', async () => {
    expect(await answer('export csv', ctx)).toMatchObject({ kind: 'export', format: 'csv', fiscalYear: 2020, plan: { code: 'suita-4' } });
    expect(await answer('export 令和4年度', ctx)).toMatchObject({ kind: 'export', format: 'xlsx', fiscalYear: 2022 });
    expect(await answer('export 2030', ctx)).toEqual({
      kind: 'error',
      error: { code: 'year_outside_plan', fiscalYear: 2030, first: 2019, last: 2023 },
    });
  });

  it('exports another plan when the text names it', async () => {
    await seedPlan(t.db, secondPlan(), NOW, { recordedBy: 'U0IMPORT', source: 'import' });
    expect(await answer('5期 export md', ctx)).toMatchObject({ kind: 'export', format: 'md', fiscalYear: 2025, plan: { code: 'suita-5' } });
    expect(await answer('7期 export', ctx)).toMatchObject({ kind: 'error', error: { code: 'no_such_plan', selector: '7期' } });
  });
});
