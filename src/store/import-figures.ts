import type { PlanDb } from './db.ts';
import { engineOf } from './engine.ts';
import { appendRevision } from './figures.ts';

export interface ImportedActual {
  figureId: number;
  /** The current revision the import compared against (null: no actual yet). */
  expectedRevisionId: number | null;
  value: number;
  provisional: boolean;
  note: string | null;
}

/** Figures someone changed between the import's comparison and its write. */
export class FiguresChangedError extends Error {
  constructor(readonly figureIds: number[]) {
    super(`${figureIds.length} figure(s) changed while the import was being prepared`);
    this.name = 'FiguresChangedError';
  }
}

/**
 * Writes every imported actual as a new revision, in one transaction: all of them or none.
 * A figure whose current revision is no longer the one the import compared against (someone
 * recorded it in the meantime) stops the whole write rather than overwrite what they recorded.
 */
export async function appendImportedActuals(
  db: PlanDb,
  actuals: readonly ImportedActual[],
  by: { recordedBy: string; now: Date },
): Promise<number[]> {
  if (actuals.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const ids = actuals.map((a) => a.figureId);
    let query = trx.selectFrom('yearly_figure').select(['id', 'current_revision_id']).where('id', 'in', ids);
    // PostgreSQL lets another writer commit between this read and the writes below unless the
    // rows are locked; SQLite's single writer already makes the transaction see no such change.
    if (engineOf(trx) === 'postgres') query = query.forUpdate();
    const current = await query.execute();
    const currentOf = new Map(current.map((row) => [row.id, row.current_revision_id]));
    const changed = actuals.filter((a) => currentOf.get(a.figureId) !== a.expectedRevisionId).map((a) => a.figureId);
    if (changed.length > 0) throw new FiguresChangedError(changed);

    const recordedAt = by.now.toISOString();
    const revisionIds: number[] = [];
    for (const actual of actuals) {
      revisionIds.push(
        await appendRevision(trx, {
          yearly_figure_id: actual.figureId,
          value: actual.value,
          provisional: actual.provisional ? 1 : 0,
          recorded_by: by.recordedBy,
          recorded_at: recordedAt,
          source: 'import',
          note: actual.note,
        }),
      );
    }
    return revisionIds;
  });
}
