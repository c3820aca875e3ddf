/**
 * Builds a scale database for the benchmarks: N plans × 20 action plans × 3 indicators ×
 * 10 fiscal years, and five revisions per figure (300,000 at 100×), all of them behind the
 * figures that hold an actual.
 *
 * The schema comes from the real migrations; the rows go in through raw better-sqlite3
 * prepared statements in one transaction, because this is a generator and the 100× file
 * (60,000 figures, 300,000 revisions) has to be ready in seconds, not minutes. Foreign
 * keys stay on so a generator bug fails here instead of skewing the timings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { seededRandom } from '../test/support/random.ts';

export const ACTION_PLANS_PER_PLAN = 20;
export const INDICATORS_PER_ACTION_PLAN = 3;
export const YEARS_PER_PLAN = 10;
export const REVISIONS_PER_ACTUAL = 5;
export const FIRST_FISCAL_YEAR = 2017;
export const LAST_FISCAL_YEAR = FIRST_FISCAL_YEAR + YEARS_PER_PLAN - 1;

/**
 * The instant every benchmark answers at: FY2026 is open, FY2025 closed and its due date
 * (30 June 2026) has passed, so a missing FY2025 actual is overdue.
 */
export const BENCH_NOW = new Date('2026-08-03T01:00:00Z');

/** Share of closed-year figures left without an actual, so the overdue scan has work. */
const MISSING_CLOSED_ACTUAL = 0.08;
/** Share of open-year figures already holding a provisional actual. */
const PROVISIONAL_OPEN_ACTUAL = 0.3;
/** Share of figures without a target (status `no_target`). */
const NO_TARGET = 0.05;


const POLICIES = ['市民のためのサービスデザイン', '市民を守るICT', '業務改善を支えるICT'];
const THEMES: Array<{ name: string; policy: number }> = [
  { name: '手続', policy: 1 },
  { name: '情報発信', policy: 1 },
  { name: '福祉・健康', policy: 1 },
  { name: '子育て・学び', policy: 1 },
  { name: '防災・防犯', policy: 2 },
  { name: '内部事務最適化', policy: 3 },
];
const SUBJECTS = [
  '手続', '証明発行', '納税', '施設予約', 'ホームページ', 'オープンデータ', '介護保険事務', '健康増進',
  '図書館資料', '入園事務', '小中学校のＩＣＴ環境', '防犯カメラ', '災害時の情報収集', '会議', '文書管理',
  '庁内ネットワーク', '情報セキュリティ', 'AI-OCR', 'RPA', 'Wi-Fi',
];
const ACTIONS = ['の電子化', 'の拡充', 'の推進', 'の再構築', 'の効率化', 'の強化', 'の導入', 'の無線化'];
const MEASURES: Array<{ name: string; unit: string; lower: boolean }> = [
  { name: '利用率', unit: '%', lower: false },
  { name: '件数', unit: '件', lower: false },
  { name: '延べ利用人数', unit: '人', lower: false },
  { name: '最大待ち時間', unit: '分', lower: true },
  { name: '業務削減時間', unit: '時間', lower: false },
  { name: '設置拠点数', unit: '拠点', lower: false },
  { name: '防犯カメラ設置台数', unit: '台', lower: false },
  { name: '研修参加人数', unit: '人', lower: false },
];
const SOURCES = ['seed', 'slack', 'cli', 'import'] as const;

export interface GenerateOptions {
  /** Number of plans: the scale factor (1 = the size of the real 4th plan). */
  plans: number;
  /** Folder to create the file in; default a fresh temp folder. */
  dir?: string;
  seed?: number;
}

export interface GeneratedDatabase {
  path: string;
  dir: string;
  scale: number;
  counts: {
    plans: number;
    actionPlans: number;
    indicators: number;
    figures: number;
    revisions: number;
    owners: number;
    /** Closed-year figures with a target and no actual: what the overdue scan must find. */
    overdue: number;
  };
  /** The plan the single-plan benchmarks address (the middle one, so it is not first or last in any index). */
  benchPlanCode: string;
  generateMs: number;
  /** Removes the temp folder (only when this module created it). */
  remove(): void;
}

export function planCode(index: number): string {
  return `gen-${String(index + 1).padStart(3, '0')}`;
}

export async function generateScaleDatabase(options: GenerateOptions): Promise<GeneratedDatabase> {
  const started = performance.now();
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'plan-bot-scale-'));
  const path = join(dir, `scale-${options.plans}x.db`);
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });

  // The real entry point creates the file with the app's pragmas and the real schema.
  const kdb = openDatabase(path);
  await migrateToLatest(kdb);
  await kdb.destroy();

  const sqlite = new SQLite(path);
  sqlite.pragma('foreign_keys = ON');
  // One big transaction in a throwaway file: skip the per-commit fsync the app insists on.
  sqlite.pragma('synchronous = OFF');
  const random = seededRandom(options.seed ?? 20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const insertPlan = sqlite.prepare(
    'insert into plan (code, name, first_fiscal_year, last_fiscal_year, review_fiscal_year, source) values (?, ?, ?, ?, ?, ?)',
  );
  const insertPolicy = sqlite.prepare('insert into basic_policy (plan_id, number, name) values (?, ?, ?)');
  const insertTheme = sqlite.prepare('insert into theme (plan_id, policy_id, position, name) values (?, ?, ?, ?)');
  const insertActionPlan = sqlite.prepare(
    'insert into action_plan (plan_id, policy_id, theme_id, number, name, narrative) values (?, ?, ?, ?, ?, ?)',
  );
  const insertOwner = sqlite.prepare(
    'insert into action_plan_owner (action_plan_id, slack_user_id, added_by, added_at) values (?, ?, ?, ?)',
  );
  const insertIndicator = sqlite.prepare(
    `insert into indicator (action_plan_id, position, name, unit, direction, comparator, min_value, max_value, note, kind)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFigure = sqlite.prepare('insert into yearly_figure (indicator_id, fiscal_year, target) values (?, ?, ?)');
  const insertRevision = sqlite.prepare(
    `insert into actual_revision (yearly_figure_id, value, provisional, recorded_by, recorded_at, source, note)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const setCurrent = sqlite.prepare('update yearly_figure set current_revision_id = ? where id = ?');

  const counts = { plans: 0, actionPlans: 0, indicators: 0, figures: 0, revisions: 0, owners: 0, overdue: 0 };
  const openYear = LAST_FISCAL_YEAR;
  let revisionDebt = 0;

  sqlite.transaction(() => {
    for (let p = 0; p < options.plans; p++) {
      const planId = Number(
        insertPlan.run(
          planCode(p),
          `第${p + 1}期情報化推進計画（生成データ）`,
          FIRST_FISCAL_YEAR,
          LAST_FISCAL_YEAR,
          FIRST_FISCAL_YEAR + 4,
          'bench/generate.ts',
        ).lastInsertRowid,
      );
      counts.plans++;
      const policyIds = POLICIES.map(
        (name, i) => Number(insertPolicy.run(planId, i + 1, name).lastInsertRowid),
      );
      const themes = THEMES.map((t, i) => ({
        id: Number(insertTheme.run(planId, policyIds[t.policy - 1]!, i + 1, t.name).lastInsertRowid),
        policyId: policyIds[t.policy - 1]!,
      }));

      for (let n = 1; n <= ACTION_PLANS_PER_PLAN; n++) {
        const theme = themes[(n - 1) % themes.length]!;
        const subject = pick(SUBJECTS);
        const actionPlanId = Number(
          insertActionPlan.run(
            planId,
            theme.policyId,
            theme.id,
            n,
            `${subject}${pick(ACTIONS)}`,
            random() < 0.7 ? `${subject}について、${pick(SUBJECTS)}と連携しながら段階的に取り組んでいます。` : null,
          ).lastInsertRowid,
        );
        counts.actionPlans++;
        const ownerCount = Math.floor(random() * 3);
        for (let o = 0; o < ownerCount; o++) {
          insertOwner.run(actionPlanId, `U${String(n * 10 + o).padStart(6, '0')}`, 'UADMIN', BENCH_NOW.toISOString());
          counts.owners++;
        }

        for (let position = 1; position <= INDICATORS_PER_ACTION_PLAN; position++) {
          const measure = pick(MEASURES);
          const indicatorId = Number(
            insertIndicator.run(
              actionPlanId,
              position,
              `${subject}の${measure.name}`,
              measure.unit,
              measure.lower ? 'lower_is_better' : 'higher_is_better',
              measure.lower ? '以内' : '以上',
              0,
              measure.unit === '%' ? 100 : null,
              random() < 0.2 ? '令和2年度は感染症の影響で参考値' : null,
              // The kind the grading migration gives such a row: a count cannot be lower-is-better,
              // and the list grades every indicator, so a wrong kind would throw there.
              measure.lower ? 'max_threshold' : measure.unit === '%' ? 'percentage' : 'count',
            ).lastInsertRowid,
          );
          counts.indicators++;

          const base = 10 + Math.floor(random() * 1000);
          // Decide first which years hold an actual, so the revisions the empty years
          // would have had can go to the recorded ones: the revision table then holds
          // figures × 5 rows, the size the issue asks the benchmark to carry.
          const years = Array.from({ length: YEARS_PER_PLAN }, (_, i) => {
            const fy = FIRST_FISCAL_YEAR + i;
            const closed = fy < openYear;
            const target = random() < NO_TARGET ? null : base + i * 5;
            const recorded = closed ? random() >= MISSING_CLOSED_ACTUAL : random() < PROVISIONAL_OPEN_ACTUAL;
            return { fy, closed, target, recorded };
          });
          const recordedYears = years.filter((y) => y.recorded).length;
          revisionDebt += (YEARS_PER_PLAN - recordedYears) * REVISIONS_PER_ACTUAL;
          const extraEach = recordedYears ? Math.floor(revisionDebt / recordedYears) : 0;
          let extraLeft = recordedYears ? revisionDebt - extraEach * recordedYears : 0;
          if (recordedYears) revisionDebt = 0;

          for (const { fy, closed, target, recorded } of years) {
            const figureId = Number(insertFigure.run(indicatorId, fy, target).lastInsertRowid);
            counts.figures++;
            if (!recorded) {
              if (closed && target !== null) counts.overdue++;
              continue;
            }
            const revisions = REVISIONS_PER_ACTUAL + extraEach + (extraLeft > 0 ? 1 : 0);
            if (extraLeft > 0) extraLeft--;
            let revisionId = 0;
            for (let r = 0; r < revisions; r++) {
              const recordedAt = new Date(Date.UTC(fy + 1, 3 + (r % 9), 1 + Math.floor(random() * 27), 1)).toISOString();
              revisionId = Number(
                insertRevision.run(
                  figureId,
                  Math.round((base * (0.8 + random() * 0.4) + r) * 10) / 10,
                  closed ? 0 : 1,
                  r === 0 ? 'seed' : `U${String(1000 + Math.floor(random() * 50)).padStart(6, '0')}`,
                  closed ? recordedAt : BENCH_NOW.toISOString(),
                  r === 0 ? 'seed' : pick(SOURCES),
                  random() < 0.1 ? '訂正' : null,
                ).lastInsertRowid,
              );
              counts.revisions++;
            }
            setCurrent.run(revisionId, figureId);
          }
        }
      }
    }
  })();

  // Readers then find everything in the main file, as after a long-running bot's checkpoints.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();

  const benchPlanCode = planCode(Math.floor(options.plans / 2));
  return {
    path,
    dir,
    scale: options.plans,
    counts,
    benchPlanCode,
    generateMs: performance.now() - started,
    remove: () => {
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

// `npx tsx bench/generate.ts 100 [dir]` builds one file and prints what it holds.
if (import.meta.url === `file://${process.argv[1]}`) {
  const plans = Number(process.argv[2] ?? 1);
  const dir = process.argv[3];
  const generated = await generateScaleDatabase({ plans, ...(dir ? { dir } : {}) });
  process.stdout.write(
    `${generated.path}\n${JSON.stringify(generated.counts)}\ngenerated in ${generated.generateMs.toFixed(0)} ms\n`,
  );
}
