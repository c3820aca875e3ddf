import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where test/global-setup.ts bundles the entry points: two folders deep, like `src/store/`. */
export const TEST_BIN_DIR = join(ROOT, '.test-build', 'bin');

/** The processes tests start, by name: the sources test/global-setup.ts bundles. */
export const TEST_ENTRY_POINTS = {
  start: join(ROOT, 'src/bin/start.ts'),
  plan: join(ROOT, 'src/bin/plan.ts'),
  alerts: join(ROOT, 'src/bin/alerts.ts'),
  workspaces: join(ROOT, 'src/bin/workspaces.ts'),
  export: join(ROOT, 'src/bin/export.ts'),
  import: join(ROOT, 'src/bin/import.ts'),
  recorder: join(ROOT, 'test/crash/recorder.ts'),
} as const;

/** `node` arguments that run one entry point as a test process: `[...entry('plan'), '13']`. */
export function entry(name: keyof typeof TEST_ENTRY_POINTS): string[] {
  // Source maps so a stack trace from a child names the .ts line.
  return ['--enable-source-maps', join(TEST_BIN_DIR, `${name}.js`)];
}
