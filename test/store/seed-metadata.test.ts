import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { refreshSeedMetadata } from '../../src/store/seed-metadata.ts';
import { loadSeedFile } from '../../src/store/seed-file.ts';
import { recordFor13, tempDatabase, thirteen } from '../support/temp-db.ts';

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

describe('seed revisions of a database seeded before the source date (#13)', () => {
  it('dates the seed’s own revisions by the document and fills their English notes, leaving recorded figures alone', async () => {
    const recorded = await recordFor13(t.db, (await thirteen(t.db)).indicatorId, { value: 6543 });
    // What an older version left: seed revisions stamped with the moment the database was made, no English notes.
    await t.db.updateTable('actual_revision').set({ recorded_at: '2026-11-27T00:00:00.000Z', note_en: null }).where('source', '=', 'seed').execute();
    const mine = () => t.db.selectFrom('actual_revision').selectAll().where('id', '=', recorded.revisionId).executeTakeFirstOrThrow();
    const before = await mine();

    expect(await refreshSeedMetadata(t.db, loadSeedFile())).toBeGreaterThan(0);

    const seedRows = await t.db.selectFrom('actual_revision').select(['recorded_at', 'note', 'note_en']).where('source', '=', 'seed').execute();
    expect(new Set(seedRows.map((r) => r.recorded_at))).toEqual(new Set(['2021-09-30T15:00:00.000Z']));
    const two = seedRows.find((r) => r.note?.includes('1,730件'))!;
    expect(two.note_en).toContain('1,730');
    expect(await mine()).toEqual(before);
    expect(await refreshSeedMetadata(t.db, loadSeedFile())).toBe(0);
  });
});
