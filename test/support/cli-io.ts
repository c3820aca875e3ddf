import type { CliIo } from '../../src/cli/io.ts';

/** A CLI's process as a test sees it: fixed clock and user, output kept. */
export function testIo(options: { cwd: string; env: Record<string, string>; now: Date; user?: string }): CliIo & {
  out: () => Buffer;
  text: () => string;
  errors: () => string;
} {
  const out: Buffer[] = [];
  let err = '';
  return {
    env: { PLAN_LOCALE: 'ja', ...options.env },
    now: () => options.now,
    cwd: options.cwd,
    user: options.user ?? 'tanaka',
    stdout: (data) => {
      out.push(Buffer.from(data));
    },
    stderr: (text) => {
      err += text;
    },
    out: () => Buffer.concat(out),
    text: () => Buffer.concat(out).toString('utf8'),
    errors: () => err,
  };
}
