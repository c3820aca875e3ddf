import type { CommandContext } from './context.ts';
import { parseCommand } from './grammar.ts';
import type { CommandResult } from './results.ts';
import { runCommand } from './run.ts';

/** Text typed after `/plan` → the result to render. The whole brain, for every door. */
export async function answer(text: string, ctx: CommandContext): Promise<CommandResult> {
  const parsed = parseCommand(text);
  if (!parsed.ok) return { kind: 'error', error: { code: 'parse', error: parsed.error } };
  return runCommand(parsed.command, ctx);
}
