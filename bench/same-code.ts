/**
 * What a ratio reads when there is nothing to find, over several rounds: two bare Bolt floors, the
 * same code acking the same bytes, measured against each other exactly as `npm run bench` measures
 * plan-bot against one (the bench does one round a mode). How far their p50 and p99 ratios sit
 * from ×1.00 is the noise of this machine, which a must of ×1.1 has to clear.
 *
 *   npm run build && npx tsc -p tsconfig.bench.json && node --min-semi-space-size=64 \
 *     --max-semi-space-size=64 .bench/bench/same-code.js [command] [rounds]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startSlackApiStandIn } from '../test/support/slack-api-stand-in.ts';
import { startSocketModeServer } from '../test/support/socket-mode-server.ts';
import { DEFAULT_ACK_OPTIONS, MODES, sameCodeRatios, SAME_CODE_COMMAND, type Command } from './ack.ts';
import { askOverHttp, askOverSocket, loaded, sequential } from './drivers.ts';
import { PLAN_CLI, startFloor, startPlanBot, type BenchServer } from './servers.ts';

const command = (process.argv[2] ?? SAME_CODE_COMMAND) as Command;
const rounds = Number(process.argv[3] ?? 3);
const { warmup, concurrency } = DEFAULT_ACK_OPTIONS;

const dir = mkdtempSync(join(tmpdir(), 'plan-bot-same-code-'));
const standIn = await startSlackApiStandIn();
const socket = await startSocketModeServer();
standIn.setSocketModeUrl(socket.url);
const slack = { apiUrl: standIn.url, socket };
try {
  const databasePath = join(dir, 'plans.db');
  const prepared = spawnSync(process.execPath, [PLAN_CLI, 'help'], { cwd: dir, env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath } });
  if (prepared.status !== 0) throw new Error(`npm run plan could not prepare the database: ${prepared.stderr}`);
  for (const mode of MODES) {
    // plan-bot's answer, once, so the floors ack the bytes the bench's floor acks.
    const bot = await startPlanBot({ name: 'plan-bot', mode, slack, databasePath });
    const answer = JSON.parse((await (mode === 'http' ? askOverHttp(bot) : askOverSocket(bot))(command)).answer) as unknown;
    await bot.stop();
    const answersPath = join(dir, `answers-${mode}.json`);
    writeFileSync(answersPath, JSON.stringify({ [command]: answer }));
    for (let round = 1; round <= rounds; round++) {
      const floors: BenchServer[] = [];
      try {
        for (const name of ['floor A', 'floor B']) floors.push(await startFloor({ name, mode, style: 'ack', slack, answersPath }));
        const asks = floors.map((floor) => (mode === 'http' ? askOverHttp(floor) : askOverSocket(floor)));
        for (const ask of asks) {
          await sequential(ask, command, () => true, warmup);
          await loaded(ask, command, () => true, warmup, concurrency);
        }
        const ratios = await sameCodeRatios([asks[0]!, asks[1]!], command, DEFAULT_ACK_OPTIONS);
        console.log(`${mode} /plan ${command}, round ${round}: floor A / floor B p50 ×${ratios.p50Ratio.toFixed(2)}, p99 ×${ratios.p99Ratio.toFixed(2)}`);
      } finally {
        await Promise.all(floors.map((floor) => floor.stop()));
      }
    }
  }
} finally {
  await socket.close();
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
}
