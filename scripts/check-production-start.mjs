// A production install must start: copy what a deployment ships (package files and the
// compiled dist/), install without dev dependencies, and run `npm start` against a local
// stand-in for Slack's Web API until it says it is listening; then stop it with SIGTERM; then
// answer `npm run plan -- 13`.
// Usage: node scripts/check-production-start.mjs   (after `npm run build`)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'plan-bot-prod-'));
const fail = (why) => {
  console.error(`production start: ${why}`);
  process.exit(1);
};
try {
  for (const f of ['package.json', 'package-lock.json']) cpSync(f, join(dir, f));
  cpSync('dist', join(dir, 'dist'), { recursive: true });
  cpSync('scripts/prepare.mjs', join(dir, 'scripts/prepare.mjs'));
  const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (install.status !== 0) fail('npm ci --omit=dev failed');
  if (spawnSync('node', ['-e', "require.resolve('typescript')"], { cwd: dir }).status === 0) fail('typescript was installed');

  const api = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', url: 'https://example.slack.com/' }));
  });
  await new Promise((r) => api.listen(0, '127.0.0.1', r));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? dir,
    SLACK_BOT_TOKEN: 'xoxb-production-check',
    SLACK_SIGNING_SECRET: 'production-check-secret',
    SLACK_API_URL: `http://127.0.0.1:${api.address().port}/api/`,
    PORT: '0',
    DATABASE_PATH: join(dir, 'data', 'plans.db'),
    PLAN_ADMINS: 'U0ADMIN',
  };
  const bot = spawn('npm', ['start'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  bot.stdout.on('data', (c) => (out += c));
  bot.stderr.on('data', (c) => (out += c));
  const exited = new Promise((r) => bot.on('exit', (code, signal) => r({ code, signal })));
  const deadline = Date.now() + 30_000;
  while (!/listening on port \d+/.test(out)) {
    if (Date.now() > deadline) fail(`no "listening" line within 30 s:\n${out}`);
    if (bot.exitCode !== null) fail(`exited ${bot.exitCode}:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-bot.pid, 'SIGTERM');
  await exited;
  // npm may exit before the bot has finished its shutdown; the bot still writes to the same pipe.
  const stopBy = Date.now() + 20_000;
  while (!/stopped; database closed/.test(out) && Date.now() < stopBy) await new Promise((r) => setTimeout(r, 100));
  api.close();
  // npm itself dies of the signal too; what counts is the bot's own clean shutdown.
  if (!/stopped; database closed/.test(out)) fail(`no clean shutdown after SIGTERM:\n${out}`);
  // And the CLI: its launcher, its bundle and the code cache the build made, with the packages a
  // production install has (better-sqlite3's binary found without `bindings`).
  const cli = spawnSync('npm', ['run', '-s', 'plan', '--', '13'], { cwd: dir, env, encoding: 'utf8' });
  if (cli.status !== 0 || !cli.stdout.includes('⑬')) fail(`npm run plan -- 13 exited ${cli.status}:\n${cli.stdout}${cli.stderr}`);
  console.log('production start: npm ci --omit=dev && npm start listened and stopped cleanly; npm run plan -- 13 answered');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
