/**
 * Imported first by every entry point. ES modules run in import order, so this check runs
 * before the rest of the program: the lockfile's packages (undici among them) need Node.js
 * 20.19, and on an older one they fail later with errors that do not say so.
 */

export const MINIMUM_NODE_VERSION = '20.19.0';

/** Whether `version` ("20.18.1" or "v20.18.1") is older than `minimum`. */
export function isOlderThan(version: string, minimum: string = MINIMUM_NODE_VERSION): boolean {
  const parts = (v: string) => v.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

if (isOlderThan(process.versions.node)) {
  process.stderr.write(
    `plan-bot: Node.js ${MINIMUM_NODE_VERSION} or newer is needed, and this is ${process.version}: install a newer Node.js (see README.md)\n`,
  );
  // `npm start` says "could not start" with 1; the command-line tools use 2 for that.
  process.exit(/start\.[jt]s$/.test(process.argv[1] ?? '') ? 1 : 2);
}
