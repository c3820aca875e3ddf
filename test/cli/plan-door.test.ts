/**
 * The CLI speaks its own syntax (#12.14): `--help` and `help` show `npm run plan -- …`, not
 * Slack's `/plan …` which the CLI would refuse, in the configured language; `--json` prints
 * the result in the documented shape (docs/cli.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JSON_FORMAT, planCli } from '../../src/cli/plan.ts';

let dir: string;
const saved = { ...process.env };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-cli-door-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
});

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  process.env = { ...saved, DATABASE_PATH: join(dir, 'plans.db'), PLAN_LOCALE: '', PLAN_CODE: '', ...env };
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await planCli(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe('npm run plan -- --help', () => {
  it('shows the CLI syntax, its options and exit codes, in Japanese by default', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('npm run plan -- 13');
    expect(stdout).toContain('npm run plan -- search 防犯');
    expect(stdout).toContain('--json');
    expect(stdout).toContain('終了コード');
    // Slack's syntax only where the CLI sends the person to Slack.
    expect(stdout.split('\n').filter((l) => /(^|\s)\/plan\s/.test(l) && !l.includes('Slack'))).toEqual([]);
    // report opens a Slack form, which the CLI cannot: not offered as a CLI command.
    expect(stdout).not.toContain('npm run plan -- report');
  });

  it('is the same as the help verb, and speaks English with PLAN_LOCALE=en', async () => {
    const en = await run(['--help'], { PLAN_LOCALE: 'en' });
    expect(en.stdout).toContain('Usage: npm run plan --');
    expect(en.stdout).toContain('Exit codes');
    expect((await run(['help'], { PLAN_LOCALE: 'en' })).stdout).toBe(en.stdout);
  });

  it('points at the CLI help from an input it cannot read', async () => {
    const { code, stderr } = await run(['nonsense-verb']);
    expect(code).toBe(1);
    expect(stderr).toContain('`npm run plan -- help`');
  });
});

describe('npm run plan -- … --json', () => {
  it('prints an action plan as the documented JSON', async () => {
    const { code, stdout } = await run(['13', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['format', 'ok', 'exitCode', 'result', 'text']);
    expect(out).toMatchObject({ format: JSON_FORMAT, ok: true, exitCode: 0, result: { kind: 'action_plan', plan: { number: 13 } } });
    expect(out.text).toContain('⑬ 施設のＩＣＴ環境の充実');
  });

  it('prints a refusal as JSON on stdout too, with exit code 1', async () => {
    const { code, stdout, stderr } = await run(['--json', '99']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, exitCode: 1, result: { kind: 'error' } });
  });
});
