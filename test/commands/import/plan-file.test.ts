import { LOCAL_WORKSPACE } from '../../../src/store/workspaces.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../commands/answer.ts';
import { makeContext } from '../../../commands/context.ts';
import { importPlanFile, readPlanFile } from '../../../commands/import/plan-file.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { findPlan, loadActionPlans } from '../../../src/store/action-plans.ts';
import { listPlans } from '../../../src/store/plans.ts';
import { secondPlan } from '../../support/plan-files.ts';
import { tempDatabase } from '../../support/temp-db.ts';

const NOW = new Date('2026-07-01T09:00:00+09:00');
const options = { dryRun: false, strict: false, recordedBy: 'tanaka', now: NOW };
let t: Awaited<ReturnType<typeof tempDatabase>>;

const read = (value: unknown) => readPlanFile(JSON.stringify(value));
const valid = (value: unknown) => {
  const reading = read(value);
  if (!reading.ok) throw new Error(JSON.stringify(reading));
  return reading;
};

beforeAll(async () => {
  t = await tempDatabase();
});
afterAll(() => t.cleanup());

describe('reading a plan file', () => {
  it('says where JSON stops being JSON', () => {
    expect(readPlanFile('{"plan": ')).toMatchObject({ ok: false, kind: 'json' });
  });

  it('names the place of every problem the schema finds', () => {
    const plan = secondPlan() as unknown as { actionPlans: { indicators: { unit: string; targets: Record<string, unknown> }[] }[] };
    plan.actionPlans[1]!.indicators[0]!.unit = '';
    plan.actionPlans[0]!.indicators[0]!.targets['2025'] = 40.123456;
    const reading = read(plan);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.kind === 'schema' && reading.issues.map((i) => i.path)).toEqual([
      'actionPlans.0.indicators.0.targets.2025',
      'actionPlans.1.indicators.0.unit',
    ]);
  });

  it('takes a file with a BOM, as Windows editors save it', () => {
    expect(readPlanFile(`\uFEFF${JSON.stringify(secondPlan())}`)).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('importing a second plan', () => {
  it('lists what it would create on a dry run, and writes nothing', async () => {
    const outcome = await importPlanFile(t.db, valid(secondPlan()), { ...options, dryRun: true });
    expect(outcome).toMatchObject({
      kind: 'dry_run',
      summary: { code: 'suita-5', policies: 2, themes: 3, indicators: 5, targets: 24, actuals: 5 },
    });
    expect(outcome.kind === 'dry_run' && outcome.summary.actionPlans.map((ap) => ap.number)).toEqual([1, 2, 3, 4]);
    expect((await listPlans(t.db, LOCAL_WORKSPACE)).map((p) => p.plan.code)).toEqual(['suita-4']);
  });

  it('refuses a file with warnings under --strict, before writing anything', async () => {
    const plan = secondPlan();
    delete plan.actionPlans[0]!.indicators[0]!.targets['2026'];
    expect(await importPlanFile(t.db, valid(plan), { ...options, strict: true })).toMatchObject({
      kind: 'strict_refused',
      warnings: [{ code: 'target_gap', fiscalYear: 2026 }],
    });
    expect((await listPlans(t.db, LOCAL_WORKSPACE)).map((p) => p.plan.code)).toEqual(['suita-4']);
  });

  it('creates the plan with its actuals recorded as imported, beside the 4th plan', async () => {
    expect(await importPlanFile(t.db, valid(secondPlan()), { ...options, strict: true })).toMatchObject({ kind: 'created' });
    const plans = await listPlans(t.db, LOCAL_WORKSPACE);
    expect(plans.map((p) => [p.plan.code, p.actionPlanCount])).toEqual([
      ['suita-5', 4],
      ['suita-4', 20],
    ]);
    const fifth = (await findPlan(t.db, 'suita-5'))!;
    const records = await loadActionPlans(t.db, fifth.id);
    expect(records.find((r) => r.number === 2)!.gradingScheme).toBe('marks');
    const actual = records[0]!.indicators[0]!.figures.find((f) => f.fiscalYear === 2025)!.actual!;
    expect(actual).toMatchObject({ value: 38.25, provisional: true, recordedBy: 'tanaka', source: 'import', recordedAt: NOW.toISOString() });
  });

  it('never writes over a plan already in the store', async () => {
    expect(await importPlanFile(t.db, valid(secondPlan()), options)).toEqual({ kind: 'exists', code: 'suita-5' });
    expect(await importPlanFile(t.db, valid({ ...secondPlan(), plan: { ...secondPlan().plan, code: 'suita-4' } }), options)).toEqual({
      kind: 'exists',
      code: 'suita-4',
    });
  });
});

describe('several plans in one store, through the grammar', () => {
  const ask = async (text: string) => {
    const fourth = (await findPlan(t.db, 'suita-4'))!;
    const ctx = makeContext({ db: t.db, plan: fourth, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: 'U0STAFF', isAdmin: false, canOpenForms: true } });
    return answer(text, ctx);
  };

  it('lists the plans with their periods, the door’s own marked', async () => {
    expect(await ask('plans')).toMatchObject({
      kind: 'plan_list',
      plans: [
        { code: 'suita-5', firstFiscalYear: 2024, lastFiscalYear: 2028, term: 5, actionPlanCount: 4, isDefault: false },
        { code: 'suita-4', firstFiscalYear: 2019, lastFiscalYear: 2023, term: 4, actionPlanCount: 20, isDefault: true },
      ],
    });
  });

  it('answers about the plan the text names, by term or by code', async () => {
    expect(await ask('5期 2')).toMatchObject({ kind: 'action_plan', plan: { name: 'デジタル活用支援', recordable: false } });
    expect(await ask('suita-5 2')).toMatchObject({ kind: 'action_plan', plan: { name: 'デジタル活用支援' } });
    expect(await ask('2')).toMatchObject({ kind: 'action_plan', plan: { name: 'コンビニエンスストア等での証明発行の拡充' } });
    expect(await ask('4期 2')).not.toMatchObject({ plan: { recordable: false } });
    expect(await ask('5期 list')).toMatchObject({ kind: 'action_plan_list', scope: { kind: 'all', planName: secondPlan().plan.name } });
  });

  it('records figures only in the door’s own plan, and says so', async () => {
    expect(await ask('5期 report 2')).toEqual({ kind: 'error', error: { code: 'record_in_own_plan_only', planCode: 'suita-5' } });
  });

  it('names the plans it knows when the text names one it does not', async () => {
    expect(await ask('9期 13')).toEqual({
      kind: 'error',
      error: { code: 'no_such_plan', selector: '9期', plans: ['suita-5', 'suita-4'], ambiguous: false },
    });
  });
});
