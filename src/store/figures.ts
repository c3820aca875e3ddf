import { setTimeout as sleep } from 'node:timers/promises';
import type { PlanDb } from './db.ts';
import { engineOf, isUniqueViolation, isWriteConflict, writeTransaction } from './engine.ts';
import type { NewRevision, RevisionSource } from './schema.ts';

export interface RecordActualInput {
  indicatorId: number;
  fiscalYear: number;
  value: number;
  provisional: boolean;
  recordedBy: string;
  source: RevisionSource;
  note: string | null;
  now: Date;
  /** Identifies the request; the same key a second time returns the first revision, storing nothing. */
  requestKey?: string | null;
  /**
   * Asked inside the transaction, before the revision is added: may throw to refuse the write
   * (a locked year), and may return what to add beside the revision, in the same transaction.
   */
  guard?: RevisionGuard;
}

export type RevisionGuard = (
  trx: PlanDb,
  figureId: number,
) => Promise<((trx: PlanDb, revisionId: number) => Promise<void>) | null>;

export interface RecordedActual {
  revisionId: number;
  figureId: number;
  /** True when this request had already been recorded: nothing new was stored. */
  duplicate: boolean;
  previous: { value: number; recordedBy: string; recordedAt: string } | null;
}

export class UnknownFigureError extends Error {
  constructor(
    readonly indicatorId: number,
    readonly fiscalYear: number,
  ) {
    super(`no yearly figure for indicator ${indicatorId} in FY${fiscalYear}`);
    this.name = 'UnknownFigureError';
  }
}

const WRITE_ATTEMPTS = 8;

/**
 * Adds a revision and makes it current, in one transaction. Nothing is overwritten:
 * the previous value stays in actual_revision. Two writers racing on the same figure
 * both land; whichever commits last is current.
 *
 * In WAL mode a transaction that has read and then wants to write while another
 * connection writes gets SQLITE_BUSY at once (busy_timeout cannot help: waiting could
 * deadlock), so the whole transaction runs again after the other commit. It reads
 * afresh, so nothing is lost. Waiting inside SQLite instead would also block Node's only
 * thread, and with it the other writer when both connections live in this process.
 * PostgreSQL makes the second writer wait on the figure's row lock instead, in a serializable
 * transaction (engine.ts) so that whatever it decides on cannot change under it; a
 * serialization failure, a deadlock or a taken request key is retried there.
 */
export async function recordActual(db: PlanDb, input: RecordActualInput): Promise<RecordedActual> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordActualOnce(db, input);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !(isWriteConflict(error) || isUniqueViolation(error, 'request_key'))) throw error;
      // Jitter keeps two retrying writers from colliding again in lockstep.
      await sleep(10 * attempt * (0.5 + Math.random()));
    }
  }
}

// A unique violation on request_key is the same request recorded at the same moment by another
// connection: run again, and the transaction finds the other's revision and reports a duplicate.

async function recordActualOnce(db: PlanDb, input: RecordActualInput): Promise<RecordedActual> {
  return writeTransaction(db).execute(async (trx) => {
    if (engineOf(trx) === 'postgres') {
      // PostgreSQL lets two writers of one figure run side by side, and the one that inserted
      // its revision first could then commit last and leave the older revision current. Locking
      // the figure's row first makes them take turns; each statement after it sees the other's
      // commit (read committed), as SQLite's single writer gives for free.
      await trx
        .selectFrom('yearly_figure')
        .select('id')
        .where('indicator_id', '=', input.indicatorId)
        .where('fiscal_year', '=', input.fiscalYear)
        .forUpdate()
        .execute();
    }
    if (input.requestKey) {
      const earlier = await trx
        .selectFrom('actual_revision')
        .select(['id', 'yearly_figure_id'])
        .where('request_key', '=', input.requestKey)
        .executeTakeFirst();
      if (earlier) return { revisionId: earlier.id, figureId: earlier.yearly_figure_id, duplicate: true, previous: null };
    }
    const figure = await trx
      .selectFrom('yearly_figure as f')
      .leftJoin('actual_revision as r', 'r.id', 'f.current_revision_id')
      .select(['f.id', 'r.value', 'r.recorded_by', 'r.recorded_at'])
      .where('f.indicator_id', '=', input.indicatorId)
      .where('f.fiscal_year', '=', input.fiscalYear)
      .executeTakeFirst();
    if (!figure) throw new UnknownFigureError(input.indicatorId, input.fiscalYear);
    const alongside = input.guard ? await input.guard(trx, figure.id) : null;

    const revisionId = await appendRevision(trx, {
      yearly_figure_id: figure.id,
      value: input.value,
      provisional: input.provisional ? 1 : 0,
      recorded_by: input.recordedBy,
      recorded_at: input.now.toISOString(),
      source: input.source,
      note: input.note,
      request_key: input.requestKey ?? null,
    });
    await alongside?.(trx, revisionId);

    return {
      revisionId,
      figureId: figure.id,
      duplicate: false,
      previous:
        figure.value === null
          ? null
          : { value: figure.value, recordedBy: figure.recorded_by!, recordedAt: figure.recorded_at! },
    };
  });
}

/**
 * Adds a revision and makes it the figure's current value: the one way an actual is
 * written (recording, seeding, importing). Call it inside the caller's transaction so the
 * two statements land together.
 */
export async function appendRevision(trx: PlanDb, revision: NewRevision): Promise<number> {
  const { id } = await trx.insertInto('actual_revision').values(revision).returning('id').executeTakeFirstOrThrow();
  await trx.updateTable('yearly_figure').set({ current_revision_id: id }).where('id', '=', revision.yearly_figure_id).execute();
  return id;
}

export interface RevisionRecord {
  revisionId: number;
  indicatorId: number;
  fiscalYear: number;
  value: number;
  provisional: boolean;
  recordedBy: string;
  recordedAt: string;
  source: RevisionSource;
  note: string | null;
  noteEn: string | null;
  current: boolean;
}

/** Every revision of every figure of one action plan, oldest first within a year. */
export async function listRevisions(db: PlanDb, actionPlanId: number): Promise<RevisionRecord[]> {
  const rows = await db
    .selectFrom('actual_revision as r')
    .innerJoin('yearly_figure as f', 'f.id', 'r.yearly_figure_id')
    .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
    .select([
      'r.id',
      'i.id as indicatorId',
      'f.fiscal_year as fiscalYear',
      'r.value',
      'r.provisional',
      'r.recorded_by as recordedBy',
      'r.recorded_at as recordedAt',
      'r.source',
      'r.note',
      'r.note_en as noteEn',
      'f.current_revision_id as currentId',
    ])
    .where('i.action_plan_id', '=', actionPlanId)
    .orderBy('i.position')
    .orderBy('f.fiscal_year')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    revisionId: r.id,
    indicatorId: r.indicatorId,
    fiscalYear: r.fiscalYear,
    value: r.value,
    provisional: r.provisional === 1,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt,
    source: r.source,
    note: r.note,
    noteEn: r.noteEn,
    current: r.currentId === r.id,
  }));
}

export interface AwaitingActual {
  figureId: number;
  fiscalYear: number;
  target: number;
  indicatorId: number;
  indicatorName: string;
  indicatorNameEn: string | null;
  unit: string;
  unitEn: string | null;
  direction: 'higher_is_better' | 'lower_is_better';
  actionPlanId: number;
  actionPlanNumber: number;
  actionPlanName: string;
  actionPlanNameEn: string | null;
  planId: number;
}

/**
 * Figures with a target and no actual yet, up to a fiscal year: the candidates the
 * overdue and due-soon rules look at. One indexed query, whatever the number of plans.
 */
export async function listAwaitingActuals(
  db: PlanDb,
  options: { planId?: number; throughFiscalYear: number },
): Promise<AwaitingActual[]> {
  let query = db
    .selectFrom('yearly_figure as f')
    .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
    .innerJoin('action_plan as ap', 'ap.id', 'i.action_plan_id')
    .select([
      'f.id as figureId',
      'f.fiscal_year as fiscalYear',
      'f.target',
      'i.id as indicatorId',
      'i.name as indicatorName',
      'i.name_en as indicatorNameEn',
      'i.unit',
      'i.unit_en as unitEn',
      'i.direction',
      'ap.id as actionPlanId',
      'ap.number as actionPlanNumber',
      'ap.name as actionPlanName',
      'ap.name_en as actionPlanNameEn',
      'ap.plan_id as planId',
    ])
    .where('f.current_revision_id', 'is', null)
    .where('f.target', 'is not', null)
    .where('f.fiscal_year', '<=', options.throughFiscalYear)
    .orderBy('ap.plan_id')
    .orderBy('ap.number')
    .orderBy('i.position')
    .orderBy('f.fiscal_year');
  if (options.planId !== undefined) query = query.where('ap.plan_id', '=', options.planId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, target: r.target! }));
}
