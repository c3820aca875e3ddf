import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEED_FILE,
  loadSeedFile,
  seedDigest,
  VALIDATED_SUFFIX,
  PLAN_FILE_SCHEMA_PATH,
  planFileJsonSchema,
  planSeedSchema,
  seedRecordedAt,
  validatedRecord,
} from '../../src/store/seed-file.ts';

const raw = () => JSON.parse(readFileSync(DEFAULT_SEED_FILE, 'utf8'));
const problems = (seed: unknown) => {
  const parsed = planSeedSchema().safeParse(seed);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('the seed file schema', () => {
  it('accepts the 4th plan with a kind and English names on everything', () => {
    const seed = loadSeedFile();
    expect(seed.plan.nameEn).toBe('Suita City 4th IT Promotion Plan');
    expect(seed.policies.every((p) => p.nameEn)).toBe(true);
    expect(seed.themes.every((t) => t.nameEn)).toBe(true);
    for (const ap of seed.actionPlans) {
      expect(ap.nameEn, `action plan ${ap.number}`).toBeTruthy();
      for (const ind of ap.indicators) {
        expect([ind.nameEn, ind.unitEn, ind.kind].every(Boolean), ind.name).toBe(true);
        expect(ind.notesEn?.length ?? 0, ind.name).toBe(ind.notes?.length ?? 0);
        for (const actual of Object.values(ind.actuals)) expect(actual.noteEn === undefined, ind.name).toBe(actual.note === undefined);
      }
    }
  });

  it('accepts a seed without the English forms', () => {
    const seed = raw();
    delete seed.plan.nameEn;
    delete seed.actionPlans[0].nameEn;
    delete seed.actionPlans[0].indicators[0].nameEn;
    delete seed.actionPlans[0].indicators[0].unitEn;
    expect(problems(seed)).toEqual([]);
  });

  it('needs a kind that fits the direction', () => {
    const seed = raw();
    delete seed.actionPlans[0].indicators[0].kind;
    expect(problems(seed)).not.toEqual([]);
    const wrong = raw();
    wrong.actionPlans[10].indicators[0].kind = 'count'; // ⑪ 最大待ち時間 is lower-is-better
    expect(problems(wrong)).toEqual(['最大待ち時間: a count indicator cannot be lower_is_better']);
  });

  it('refuses 評価期間前 on a year with a target, or outside the plan', () => {
    const seed = raw();
    seed.actionPlans[0].indicators[0].beforeEvaluation = [2020, 2030];
    expect(problems(seed)).toEqual([
      '電子申込システム利用率: FY2020 is marked beforeEvaluation but has a target',
      'action plan 1 / 電子申込システム利用率: fiscal year 2030 is outside the plan period',
    ]);
  });

  it('needs English notes one for one, and a note for a noteEn', () => {
    const seed = raw();
    seed.actionPlans[17].indicators[0].notesEn.pop();
    seed.actionPlans[0].indicators[0].actuals['2019'].noteEn = 'orphan';
    expect(problems(seed)).toEqual([
      'noteEn translates a note, so needs one',
      'タブレット端末利用場所の無線化率: notesEn must translate notes one for one',
    ]);
  });

  it('takes what a plan file written from a live store carries: provisional actuals and a grading scheme', () => {
    const seed = raw();
    seed.actionPlans[12].indicators[0].actuals['2021'] = { value: 6200, provisional: true };
    seed.actionPlans[12].gradingScheme = 'marks';
    expect(problems(seed)).toEqual([]);
    seed.actionPlans[12].gradingScheme = 'stars';
    expect(problems(seed)).not.toEqual([]);
  });

  it('refuses a figure the figures CSV could not carry back, a reversed period, a repeated theme', () => {
    const seed = raw();
    seed.actionPlans[0].indicators[0].targets['2019'] = 1 / 3;
    seed.themes.push({ ...seed.themes[0] });
    expect(problems(seed)).toEqual(['a figure is below 10^12 with at most 4 decimals', 'a theme name appears twice']);
    const reversed = raw();
    reversed.plan.lastFiscalYear = 2018;
    expect(problems(reversed)[0]).toBe('plan period 2019–2018 is not a period of 1 to 50 years');
  });
});

describe('the published JSON Schema of the plan file', () => {
  it('is docs/plan-file.schema.json, kept in step with the schema (npx tsx scripts/plan-file-schema.ts)', () => {
    expect(readFileSync(PLAN_FILE_SCHEMA_PATH, 'utf8')).toBe(planFileJsonSchema());
  });
});

describe('the source date (#13)', () => {
  it('dates the 4th plan by its document, and refuses a date that is not one', () => {
    expect(loadSeedFile().plan.sourceDate).toBe('2021-10-01');
    const seed = raw();
    seed.plan.sourceDate = '2021-02-30';
    expect(problems(seed)).toEqual(['sourceDate is a date, YYYY-MM-DD']);
    delete seed.plan.sourceDate;
    expect(problems(seed)).toEqual([]);
  });

  it('turns the date into the instant seeded actuals are recorded at (midnight in Tokyo), else now', () => {
    const seed = loadSeedFile();
    expect(seedRecordedAt(seed, new Date('2026-11-27T00:00:00Z'))).toBe('2021-09-30T15:00:00.000Z');
    expect(seedRecordedAt({ ...seed, plan: { ...seed.plan, sourceDate: undefined } }, new Date('2026-11-27T00:00:00Z'))).toBe(
      '2026-11-27T00:00:00.000Z',
    );
  });
});

describe('a plan file the build validated (#14)', () => {
  it('parses to itself: the schema has no defaults or transforms, so skipping it changes nothing', () => {
    expect(planSeedSchema().parse(raw())).toEqual(raw());
  });

  it('is not validated again for the very bytes the build found valid, and is for any other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-bot-validated-'));
    try {
      const path = join(dir, 'plan.json');
      const bytes = readFileSync(DEFAULT_SEED_FILE);
      writeFileSync(path, bytes);
      writeFileSync(`${path}${VALIDATED_SUFFIX}`, `${seedDigest(bytes)}\n`);
      expect(loadSeedFile(path)).toEqual(loadSeedFile(DEFAULT_SEED_FILE));

      // Edited after the build: the recorded digest no longer matches, so zod decides.
      const edited = raw();
      edited.plan.sourceDate = '2021-02-30';
      writeFileSync(path, JSON.stringify(edited));
      expect(() => loadSeedFile(path)).toThrow(/seed file .* is not valid/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows the build\'s file by its size and time without hashing it, and an edited one by neither', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-bot-validated-'));
    try {
      const path = join(dir, 'plan.json');
      const edited = raw();
      edited.plan.sourceDate = '2021-02-30';
      const invalid = Buffer.from(JSON.stringify(edited));
      writeFileSync(path, invalid);
      const { mtimeMs } = statSync(path);
      // A record naming this very size and time is believed, whatever digest it holds: the
      // start reads no more than a stat.
      writeFileSync(`${path}${VALIDATED_SUFFIX}`, `${'0'.repeat(64)} ${invalid.length} ${mtimeMs}\n`);
      expect(loadSeedFile(path).plan.sourceDate).toBe('2021-02-30');

      // Touched since (another time), the digest decides: it does not match, so zod does.
      utimesSync(path, new Date(), new Date(mtimeMs + 5_000));
      expect(() => loadSeedFile(path)).toThrow(/seed file .* is not valid/);

      // The record the build writes: a valid file, then copied (new time, same bytes) — still known.
      const bytes = readFileSync(DEFAULT_SEED_FILE);
      writeFileSync(path, bytes);
      writeFileSync(`${path}${VALIDATED_SUFFIX}`, validatedRecord(path, bytes));
      expect(readFileSync(`${path}${VALIDATED_SUFFIX}`, 'utf8')).toBe(`${seedDigest(bytes)} ${bytes.length} ${statSync(path).mtimeMs}\n`);
      utimesSync(path, new Date(), new Date(statSync(path).mtimeMs + 5_000));
      expect(loadSeedFile(path)).toEqual(loadSeedFile(DEFAULT_SEED_FILE));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
