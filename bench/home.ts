/**
 * The Home tab's build time: `npx tsx bench/home.ts` (or `runHomeBench` from `npm run bench`).
 * What app_home_opened costs before views.publish: the use case (`buildHome`), the Block Kit
 * view and its JSON, for an owner of two action plans, an admin (the whole plan) and someone
 * who owns nothing (the guide), on the seeded plan. Goal (#19): < 20 ms at the median.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeContext } from '../commands/context.ts';
import { buildHome } from '../commands/home.ts';
import { DEFAULT_DUE_DATE_RULE } from '../src/domain/fiscal-year.ts';
import { messagesFor } from '../src/messages/index.ts';
import { homeView } from '../src/render/blocks/home.ts';
import { checkViewLimits } from '../src/render/blocks/limits.ts';
import { findPlan, loadActionPlan } from '../src/store/action-plans.ts';
import { addOwner } from '../src/store/owners.ts';
import { prepareDatabase } from '../src/store/prepare.ts';
import { reviewProgress } from '../commands/review/progress.ts';
import { markdownTable, ms, sample, summarise, type Summary } from './stats.ts';

export const HOME_GOALS = { buildMedianMs: 20 };
const NOW = new Date('2024-08-01T09:00:00+09:00');

export interface HomeBench {
  rows: Array<{ who: string; blocks: number; summary: Summary }>;
  goalsMet: boolean;
  markdown: string;
}

export async function runHomeBench(options: { log?: (line: string) => void } = {}): Promise<HomeBench> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'plan-bot-home-bench-'));
  const db = await prepareDatabase(join(dir, 'plans.db'), { now: NOW });
  try {
    const plan = (await findPlan(db))!;
    for (const n of [8, 13]) {
      const record = (await loadActionPlan(db, plan.id, n))!;
      await addOwner(db, { actionPlanId: record.id, userId: 'U0OWNER', addedBy: 'U0ADMIN', now: NOW });
    }
    const m = messagesFor('ja');
    const people = [
      { who: 'owner of ⑧ and ⑬', id: 'U0OWNER', isAdmin: false },
      { who: 'admin (every action plan)', id: 'U0ADMIN', isAdmin: true },
      { who: 'owns nothing (the guide)', id: 'U0NOBODY', isAdmin: false },
    ];
    const rows: HomeBench['rows'] = [];
    for (const person of people) {
      const build = async () => {
        const ctx = makeContext({ db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: person.id, isAdmin: person.isAdmin, canOpenForms: true } });
        const view = homeView(await buildHome(ctx, reviewProgress), m);
        // views.publish sends it as JSON: part of what the request costs.
        JSON.stringify(view);
        return view;
      };
      const view = await build();
      const problems = checkViewLimits(view);
      if (problems.length) throw new Error(`the Home tab of ${person.who} breaks a limit: ${problems.join('; ')}`);
      const samples = await sample(build, { warmup: 20, minIterations: 200, maxIterations: 2000, budgetMs: 2000 });
      rows.push({ who: person.who, blocks: view.blocks.length, summary: summarise(samples) });
      log(`home: ${person.who} ${ms(summarise(samples).medianMs)}`);
    }
    const goalsMet = rows.every((r) => r.summary.medianMs < HOME_GOALS.buildMedianMs);
    const markdown = [
      markdownTable(
        ['Home tab for', 'blocks', 'median', 'p99', 'samples', 'goal'],
        rows.map((r) => [
          r.who,
          String(r.blocks),
          ms(r.summary.medianMs),
          ms(r.summary.p99Ms),
          String(r.summary.count),
          `median < ${HOME_GOALS.buildMedianMs} ms: ${r.summary.medianMs < HOME_GOALS.buildMedianMs ? 'met' : '**not met**'}`,
        ]),
      ),
      '',
      'Built as app_home_opened builds it: `buildHome` (SQLite reads, statuses, grades) + `homeView` (Block Kit) + `JSON.stringify`, ' +
        `one at a time after warm-up, on the seeded plan on 2024-08-01. Load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')}.`,
    ].join('\n');
    return { rows, goalsMet, markdown };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bench = await runHomeBench({ log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${bench.markdown}\n`);
}
