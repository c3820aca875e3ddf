import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { refreshSeedMetadata } from '../../src/store/seed-metadata.ts';
import { loadSeedFile } from '../../src/store/seed-file.ts';
import { tempDatabase } from '../support/temp-db.ts';

let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  t = await tempDatabase();
});
afterEach(() => t.cleanup());

describe('seed metadata on a database seeded by an older version', () => {
  it('sets kinds, 評価期間前 years and English names without touching a figure, then writes nothing more', async () => {
    // What the first landing left: no English, every kind guessed, no year marked 評価期間前.
    await t.db.updateTable('indicator').set({ kind: 'count', name_en: null, unit_en: null, note_en: null }).execute();
    await t.db.updateTable('yearly_figure').set({ before_evaluation: 0 }).execute();
    await t.db.updateTable('action_plan').set({ name_en: null }).execute();
    const revisionsBefore = await t.db.selectFrom('actual_revision').select(['id', 'value']).orderBy('id').execute();

    await t.db.destroy();
    t.db = await prepareDatabase(t.path);

    const four = await t.db
      .selectFrom('indicator as i')
      .innerJoin('action_plan as ap', 'ap.id', 'i.action_plan_id')
      .select(['i.kind', 'i.name_en'])
      .where('ap.number', '=', 4)
      .executeTakeFirstOrThrow();
    expect(four.kind).toBe('change_points');
    expect(four.name_en).toMatch(/[A-Za-z]/);
    const marked = await t.db.selectFrom('yearly_figure').select('id').where('before_evaluation', '=', 1).execute();
    expect(marked.length).toBeGreaterThan(0);
    expect(await t.db.selectFrom('actual_revision').select(['id', 'value']).orderBy('id').execute()).toEqual(revisionsBefore);
    expect(await refreshSeedMetadata(t.db, loadSeedFile())).toBe(0);
    await t.db.destroy();
  });
});
