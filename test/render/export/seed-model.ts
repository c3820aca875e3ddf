import type { CivilDate } from '../../../src/domain/fiscal-year.ts';
import { achievementRate, figureStatus } from '../../../src/domain/status.ts';
import { messagesFor, type Locale } from '../../../src/messages/index.ts';
import type {
  CommitteeReview,
  ExportActionPlan,
  ExportModel,
  ExportYear,
} from '../../../src/render/export/model.ts';
import { loadSeedFile, type PlanSeed } from '../../../src/store/seed-file.ts';

/**
 * An ExportModel built from db/seeds/suita-4th.json directly, as the export use case would build
 * it from the database: no store, no Slack. Grades are a stand-in scale (the plan itself has
 * none): A at 100% or more, B from 80%, C below.
 */
export function seedExportModel(options: {
  asOf?: CivilDate;
  locale?: Locale;
  /** Adds a filled-in committee review, issues and owners to ⑬, marked as an example. */
  sampleCommittee?: boolean;
  seed?: PlanSeed;
} = {}): ExportModel {
  const seed = options.seed ?? loadSeedFile();
  const asOf = options.asOf ?? '2021-07-01';
  const m = messagesFor(options.locale ?? 'ja');
  const recordedAt = '2021-06-30T00:00:00.000Z';

  const actionPlan = (ap: PlanSeed['actionPlans'][number]): ExportActionPlan => ({
    number: ap.number,
    name: ap.name,
    narrative: ap.narrative ?? null,
    narrativeFiscalYear: ap.narrative ? (seed.plan.reviewFiscalYear ?? null) : null,
    issues: null,
    owners: [],
    indicators: ap.indicators.map((ind, i) => {
      const years = new Set([...Object.keys(ind.targets), ...Object.keys(ind.actuals)].map(Number));
      return {
        position: i + 1,
        name: ind.name,
        unit: ind.unit,
        direction: ind.direction,
        comparator: ind.comparator ?? null,
        years: [...years].sort((a, b) => a - b).map((fy): ExportYear => {
          const target = ind.targets[String(fy)] ?? null;
          const recorded = ind.actuals[String(fy)];
          const actual = recorded?.value ?? null;
          const status = figureStatus({ fiscalYear: fy, target, actual, direction: ind.direction }, asOf);
          const achievement = target !== null && actual !== null ? achievementRate(actual, target, ind.direction) : null;
          return {
            fiscalYear: fy,
            target,
            actual,
            provisional: false,
            achievement,
            grade: achievement === null ? null : gradeOf(achievement, m.locale),
            status,
            statusLabel: m.status[status],
            recordedAt: recorded ? recordedAt : null,
            recordedBy: recorded ? m.history.seedRecorder : null,
            note: recorded?.note ?? null,
          };
        }),
      };
    }),
    committee: null,
  });

  const model: ExportModel = {
    plan: {
      code: seed.plan.code,
      name: seed.plan.name,
      firstFiscalYear: seed.plan.firstFiscalYear,
      lastFiscalYear: seed.plan.lastFiscalYear,
      reviewFiscalYear: seed.plan.reviewFiscalYear ?? null,
    },
    asOf,
    policies: seed.policies.map((policy) => ({
      number: policy.number,
      name: policy.name,
      themes: seed.themes
        .filter((theme) => theme.policy === policy.number)
        .map((theme) => ({
          name: theme.name,
          actionPlans: seed.actionPlans
            .filter((ap) => ap.theme === theme.name)
            .sort((a, b) => a.number - b.number)
            .map(actionPlan),
        })),
    })),
  };

  if (options.sampleCommittee) {
    const ap13 = model.policies.flatMap((p) => p.themes).flatMap((t) => t.actionPlans).find((ap) => ap.number === 13)!;
    Object.assign(ap13, SAMPLE_13);
  }
  return model;
}

function gradeOf(achievement: number, locale: Locale): { code: string; label: string } {
  const words = locale === 'en' ? ['on target', 'nearly', 'below target'] : ['達成', '概ね達成', '未達成'];
  if (achievement >= 1) return { code: 'A', label: words[0]! };
  if (achievement >= 0.8) return { code: 'B', label: words[1]! };
  return { code: 'C', label: words[2]! };
}

/** Made-up content, labelled as such, to show a filled-in sheet; not from the plan document. */
const SAMPLE_13: Pick<ExportActionPlan, 'issues' | 'owners' | 'committee'> = {
  issues:
    '（記入例）臨時休館の影響でアクセス回数が伸び悩んでいる。利用案内の掲示や、避難所以外の施設への設置拡大を検討する必要がある。',
  owners: ['（記入例）情報政策室'],
  committee: {
    opinions: [
      {
        member: '（記入例）委員A',
        grade: 'A',
        text: '令和2年度の目標は達成しており、設置は計画どおり進んでいる。',
      },
      {
        member: '（記入例）委員B',
        grade: 'B',
        text: 'アクセス回数は前年度を下回っている。休館の影響を除いた利用状況も示してほしい。',
      },
    ],
    agreedGrade: 'A',
    officeResponse: '（記入例）施設ごとの利用状況を次回の懇談会で報告する。',
    wayForward: 'continue',
  } satisfies CommitteeReview,
};
