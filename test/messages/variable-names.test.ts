/**
 * A person in Slack cannot set an environment variable, so no sentence they can see names
 * one (#12.11): "only admins (PLAN_ADMINS)" told them nothing they could act on. Sentences
 * meant for whoever runs the bot at a terminal (the alert CLI's, the CLI's own) may.
 */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/messages/index.ts';

const VARIABLE = /\b(?:PLAN|SLACK|ALERT|DATABASE|HTTPS)_[A-Z_]+\b/;
// Only at a terminal: `npm run alerts` and the placeholder-channel note of its dry run.
const TERMINAL_ONLY = ['alerts.cli.', 'hardening.placeholderChannel', 'hardening.cli.'];

function sentences(node: unknown, path: string, out: Array<[string, string]>): void {
  if (typeof node === 'string') out.push([path, node]);
  else if (typeof node === 'function') {
    // Every argument a placeholder; a sentence that cannot be built from them is skipped.
    const args = ['x', 'x', 'x', 'x', 'x', 'x'];
    for (const value of [args, args.map(() => 1)]) {
      try {
        const said = (node as (...a: unknown[]) => unknown)(...value);
        if (typeof said === 'string') out.push([path, said]);
      } catch {
        // dates and numbers need real values
      }
    }
  } else if (Array.isArray(node)) node.forEach((n, i) => sentences(n, `${path}${i}.`, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) sentences(value, `${path}${key}.`, out);
  }
}

describe.each(['ja', 'en'] as const)('messages in %s', (locale) => {
  it('name no environment variable where a Slack user reads them', () => {
    const all: Array<[string, string]> = [];
    sentences(messagesFor(locale), '', all);
    expect(all.length).toBeGreaterThan(100);
    const named = all.filter(
      ([path, text]) => VARIABLE.test(text) && !TERMINAL_ONLY.some((p) => path.startsWith(p)),
    );
    expect(named).toEqual([]);
  });
});
