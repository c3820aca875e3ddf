/**
 * `npm run alerts -- --dry-run` posts nothing, so it needs no ALERT_CHANNEL (#12.14): it
 * previews for a placeholder channel and says so.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACEHOLDER_CHANNEL } from '../../src/cli/alerts.ts';
import { seededDb, type SeededDb } from '../support/alerts.ts';
import { runToEnd } from '../support/process.ts';
import { entry } from '../support/entry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let seeded: SeededDb;

beforeAll(async () => {
  seeded = await seededDb();
  await seeded.db.destroy();
});
afterAll(() => seeded.cleanup().catch(() => {}));

describe('npm run alerts -- --dry-run without ALERT_CHANNEL', () => {
  it('prints the preview, says it is for a placeholder channel, and needs no token', async () => {
    const out = await runToEnd(process.execPath, [...entry('alerts'), '--dry-run', '--date', '2024-07-01'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: seeded.path, PLAN_LOCALE: 'en' },
    });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain(`ALERT_CHANNEL is not set, so this previews for a placeholder channel ${PLACEHOLDER_CHANNEL}`);
    expect(out.stdout).toContain('IT plan reminders');
    // One line per plan, named in English, with how long it has been behind (#13).
    expect(out.stdout).toContain('① Online procedures — 3 overdue (oldest due 2022-06-30) · no owner');
  });

  it('answers --help with its usage and exit 0, touching no database', async () => {
    const out = await runToEnd(process.execPath, [...entry('alerts'), '--help'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: '/nonexistent/dir/plan.db' },
    });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('npm run alerts -- [--date YYYY-MM-DD] [--dry-run]');
    expect(out.stderr).toBe('');
  });
});
