/**
 * `npm run plan -- 13` against `node -e ''`: what the CLI costs beyond starting Node.
 *
 * Both are started in turn, pair after pair, on a database prepared beforehand (so the
 * first start's seeding is not timed), and each pair gives a ratio: pairing keeps the ratio
 * meaningful when the machine's speed drifts. One more run, with a resolve hook, lists what
 * the CLI loads: it must not load Bolt.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN_CLI } from './servers.ts';
import { markdownTable, ms, percentile } from './stats.ts';
import { TRACE_LOADS } from '../test/support/load-trace.ts';

export const MUST_CLI_RATIO = 3;

export interface CliBench {
  pairs: number;
  cliMs: number[];
  nodeMs: number[];
  ratios: number[];
  medianCliMs: number;
  medianNodeMs: number;
  medianRatio: number;
  /** Packages the CLI loaded from node_modules, and how many files it resolved in all. */
  packages: string[];
  modulesResolved: number;
  loadsBolt: boolean;
  markdown: string;
}

/**
 * Wall time of one process from spawn to exit, its output read and dropped. Run in the scratch
 * folder: the CLI reads `.env` from where it runs, and a checkout's `.env` is not the bench's.
 */
function timed(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited ${code}`));
      else resolve(performance.now() - started);
    });
  });
}

export async function runCliBench(options: { pairs?: number; log?: (line: string) => void } = {}): Promise<CliBench> {
  const pairs = options.pairs ?? 20;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'plan-bot-cli-bench-'));
  try {
    const env = { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'plans.db') };
    // The first start creates and seeds the database: done here, untimed.
    await timed([PLAN_CLI, '13'], env, dir);
    await timed(['-e', ''], env, dir);

    const traced = spawnSync(process.execPath, ['--import', TRACE_LOADS, PLAN_CLI, '13'], { cwd: dir, env, encoding: 'utf8' });
    if (traced.status !== 0) throw new Error(`the CLI failed: ${traced.stderr}`);
    const loaded = traced.stderr.split('\n').filter((l) => l.startsWith('loaded '));
    const packages = [...new Set(loaded.flatMap((l) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(l)?.[1] ?? []))].sort();

    log(`cli: ${pairs} pairs of \`node dist/src/bin/plan.cjs 13\` and \`node -e ''\`…`);
    const cliMs: number[] = [];
    const nodeMs: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < pairs; i++) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      let cli: number;
      let bare: number;
      if (i % 2 === 0) {
        cli = await timed([PLAN_CLI, '13'], env, dir);
        bare = await timed(['-e', ''], env, dir);
      } else {
        bare = await timed(['-e', ''], env, dir);
        cli = await timed([PLAN_CLI, '13'], env, dir);
      }
      cliMs.push(cli);
      nodeMs.push(bare);
      ratios.push(cli / bare);
    }
    const median = (xs: number[]) => percentile([...xs].sort((p, q) => p - q), 50);
    const result = {
      pairs,
      cliMs,
      nodeMs,
      ratios,
      medianCliMs: median(cliMs),
      medianNodeMs: median(nodeMs),
      medianRatio: median(ratios),
      packages,
      modulesResolved: loaded.length,
      loadsBolt: packages.some((p) => p.startsWith('@slack/')),
    };
    return { ...result, markdown: cliMarkdown(result) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function cliMarkdown(b: Omit<CliBench, 'markdown'>): string {
  const sorted = [...b.ratios].sort((p, q) => p - q);
  const table = markdownTable(
    ['command', 'median wall time', 'min', 'max'],
    [
      ['`node dist/src/bin/plan.cjs 13` (`npm run plan -- 13`)', ms(b.medianCliMs), ms(Math.min(...b.cliMs)), ms(Math.max(...b.cliMs))],
      ["`node -e ''`", ms(b.medianNodeMs), ms(Math.min(...b.nodeMs)), ms(Math.max(...b.nodeMs))],
      ['**ratio, pair by pair**', `**×${b.medianRatio.toFixed(2)}**`, `×${sorted[0]!.toFixed(2)}`, `×${sorted.at(-1)!.toFixed(2)}`],
    ],
  );
  return [
    `Must: under ×${MUST_CLI_RATIO} the time of \`node -e ''\`, without loading Bolt — ` +
      `**${b.medianRatio < MUST_CLI_RATIO && !b.loadsBolt ? 'met' : 'not met'}** (×${b.medianRatio.toFixed(2)}; Bolt ${b.loadsBolt ? '**loaded**' : 'not loaded'}).`,
    '',
    table,
    '',
    `${b.pairs} pairs, started in turn (which goes first alternates), on a database prepared beforehand; each time is ` +
      `the whole process, from spawn to exit. The CLI resolved ${b.modulesResolved} modules; from node_modules only ` +
      `${b.packages.map((p) => `\`${p}\``).join(', ')}.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bench = await runCliBench({ log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${bench.markdown}\n`);
}
