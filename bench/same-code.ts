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
import { startSlackApiStandIn } from '../test/support/slack-api-stand-in.ts';
import { startSocketModeServer } from '../test/support/socket-mode-server.ts';
import { DEFAULT_ACK_OPTIONS, MODES, prepareWithCli, sameCodeRatios, SAME_CODE_COMMAND, warmUp, type Command } from './ack.ts';
import { askOver } from './drivers.ts';
import { startFloor, startPlanBot, type BenchServer } from './servers.ts';

const command = (process.argv[2] ?? SAME_CODE_COMMAND) as Command;
const rounds = Number(process.argv[3] ?? 3);

const dir = mkdtempSync(join(tmpdir(), 'plan-bot-same-code-'));
const standIn = await startSlackApiStandIn();
const socket = await startSocketModeServer();
standIn.setSocketModeUrl(socket.url);
const slack = { apiUrl: standIn.url, socket };
try {
  const databasePath = join(dir, 'plans.db');
  prepareWithCli(databasePath);
  for (const mode of MODES) {
    // plan-bot's answer, once, so the floors ack the bytes the bench's floor acks.
    const bot = await startPlanBot({ name: 'plan-bot', mode, slack, databasePath });
    const answer = JSON.parse((await askOver(mode, bot)(command)).answer) as unknown;
    await bot.stop();
    const answersPath = join(dir, `answers-${mode}.json`);
    writeFileSync(answersPath, JSON.stringify({ [command]: answer }));
    for (let round = 1; round <= rounds; round++) {
      const floors: BenchServer[] = [];
      try {
        for (const name of ['floor A', 'floor B']) floors.push(await startFloor({ name, mode, style: 'ack', slack, answersPath }));
        const asks = floors.map((floor) => askOver(mode, floor));
        for (const ask of asks) await warmUp(ask, command, DEFAULT_ACK_OPTIONS);
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
