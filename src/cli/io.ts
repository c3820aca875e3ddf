import { userInfo } from 'node:os';
import { ConfigError, describeConfigError, loadCoreConfig, type CoreConfig } from '../config/core.ts';

/** What a CLI entry point touches of its process: handed in, so tests can fix the clock and read the output. */
export interface CliIo {
  env: Record<string, string | undefined>;
  now: () => Date;
  cwd: string;
  /** Who runs the command, for the records it writes (the login name). */
  user: string;
  stdout: (data: string | Uint8Array) => void;
  stderr: (text: string) => void;
}

export function processIo(): CliIo {
  return {
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
    user: loginName(),
    stdout: (data) => process.stdout.write(data),
    stderr: (text) => process.stderr.write(text),
  };
}

function loginName(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    // A container user without a passwd entry has no name.
    return 'cli';
  }
}

/**
 * Runs `work`, saying on stderr what it is doing only if it takes over a second, and how long
 * it took then: quick commands stay quiet, slow ones never look hung.
 */
export async function withProgress<T>(io: CliIo, label: string, done: (seconds: string) => string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    io.stderr(`${label}\n`);
  }, 1000);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    if (shown) io.stderr(`${done(((Date.now() - started) / 1000).toFixed(1))}\n`);
  }
}

/**
 * The core configuration, or undefined after saying on stderr, one line per bad variable, what is
 * wrong with it: every CLI door reads the environment this way.
 */
export function coreConfigOrSay(io: CliIo): CoreConfig | undefined {
  try {
    return loadCoreConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`plan-bot: ${describeConfigError(error)}\n`);
    return undefined;
  }
}
