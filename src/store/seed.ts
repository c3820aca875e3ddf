import { appendRevision } from './figures.ts';
import type { PlanDb } from './db.ts';
import type { RevisionSource } from './schema.ts';
import { LOCAL_WORKSPACE } from './workspaces.ts';
import { seedRecordedAt, type PlanSeed } from './seed-file.ts';

export const SEED_RECORDER = 'seed';

export interface SeedOptions {
  /** Who the plan's actuals are recorded as: the seed itself unless a person imports the file. */
  recordedBy?: string;
  source?: RevisionSource;
  /** The workspace the plan is written for (default: the token mode's). */
  workspace?: string;
}

/**
 * Writes a whole plan in one transaction, unless a plan with the same code exists:
 * a restart must never write seed figures over what people recorded since.
 * Returns whether it wrote anything.
 */
export async function seedPlan(db: PlanDb, seed: PlanSeed, now: Date, options: SeedOptions = {}): Promise<boolean> {
  const recordedBy = options.recordedBy ?? SEED_RECORDER;
  const source = options.source ?? 'seed';
  const workspace = options.workspace ?? LOCAL_WORKSPACE;
  const existing = await planIdOf(db, workspace, seed.plan.code);
  if (existing) return false;
  try {
    await db.transaction().execute(async (trx) => {
      const { id: planId } = await trx
        .insertInto('plan')
        .values({
          code: seed.plan.code,
          workspace_key: workspace,
          name: seed.plan.name,
          first_fiscal_year: seed.plan.firstFiscalYear,
          last_fiscal_year: seed.plan.lastFiscalYear,
          review_fiscal_year: seed.plan.reviewFiscalYear ?? null,
          source: seed.plan.source ?? null,
          name_en: seed.plan.nameEn ?? null,
          source_date: seed.plan.sourceDate ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const policyIds = new Map<number, number>();
      for (const policy of seed.policies) {
        const { id } = await trx
          .insertInto('basic_policy')
          .values({ plan_id: planId, number: policy.number, name: policy.name, name_en: policy.nameEn ?? null })
          .returning('id')
          .executeTakeFirstOrThrow();
        policyIds.set(policy.number, id);
      }

      const themes = new Map<string, { id: number; policyId: number }>();
      for (const [position, theme] of seed.themes.entries()) {
        const policyId = policyIds.get(theme.policy)!;
        const { id } = await trx
          .insertInto('theme')
          .values({
            plan_id: planId,
            policy_id: policyId,
            position: position + 1,
            name: theme.name,
            name_en: theme.nameEn ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        themes.set(theme.name, { id, policyId });
      }

      const recordedAt = seedRecordedAt(seed, now);
      for (const ap of seed.actionPlans) {
        const theme = themes.get(ap.theme)!;
        const { id: actionPlanId } = await trx
          .insertInto('action_plan')
          .values({
            plan_id: planId,
            policy_id: theme.policyId,
            theme_id: theme.id,
            number: ap.number,
            name: ap.name,
            narrative: ap.narrative ?? null,
            name_en: ap.nameEn ?? null,
            ...(ap.gradingScheme ? { grading_scheme: ap.gradingScheme } : {}),
          })
          .returning('id')
          .executeTakeFirstOrThrow();

        for (const [position, ind] of ap.indicators.entries()) {
          const { id: indicatorId } = await trx
            .insertInto('indicator')
            .values({
              action_plan_id: actionPlanId,
              position: position + 1,
              name: ind.name,
              unit: ind.unit,
              direction: ind.direction,
              comparator: ind.comparator ?? null,
              min_value: ind.range.min ?? null,
              max_value: ind.range.max ?? null,
              note: ind.notes?.join('\n') ?? null,
              kind: ind.kind,
              name_en: ind.nameEn ?? null,
              unit_en: ind.unitEn ?? null,
              note_en: ind.notesEn?.join('\n') ?? null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();

          // Every year of the plan gets a row, so a year without a target can still take an actual.
          for (let fy = seed.plan.firstFiscalYear; fy <= seed.plan.lastFiscalYear; fy++) {
            const { id: figureId } = await trx
              .insertInto('yearly_figure')
              .values({
                indicator_id: indicatorId,
                fiscal_year: fy,
                target: ind.targets[String(fy)] ?? null,
                before_evaluation: ind.beforeEvaluation?.includes(fy) ? 1 : 0,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            const actual = ind.actuals[String(fy)];
            if (!actual) continue;
            await appendRevision(trx, {
              yearly_figure_id: figureId,
              value: actual.value,
              provisional: actual.provisional ? 1 : 0,
              recorded_by: recordedBy,
              recorded_at: recordedAt,
              source,
              note: actual.note ?? null,
              note_en: actual.noteEn ?? null,
            });
          }
        }
      }
    });
  } catch (error) {
    // Another process seeding the same fresh file at the same moment wins the unique
    // constraint on (workspace, code); its seed is the same, so this one has nothing to add.
    const raced = await planIdOf(db, workspace, seed.plan.code);
    if (raced) return false;
    throw error;
  }
  return true;
}

async function planIdOf(db: PlanDb, workspace: string, code: string): Promise<{ id: number } | undefined> {
  return db.selectFrom('plan').select('id').where('workspace_key', '=', workspace).where('code', '=', code).executeTakeFirst();
}
