import type { CommandContext } from './context.ts';
import { parseCommand, type ParseResult } from './grammar.ts';
import type { CommandResult } from './results.ts';
import { runCommand } from './run.ts';

/** Text typed after `/plan` → the result to render. The whole brain, for every door. */
export async function answer(text: string, ctx: CommandContext): Promise<CommandResult> {
  return answerParsed(parseCommand(text), ctx);
}

/** For a door that has parsed the text already (to look in its cache first). */
export async function answerParsed(parsed: ParseResult, ctx: CommandContext): Promise<CommandResult> {
  if (!parsed.ok) return { kind: 'error', error: { code: 'parse', error: parsed.error } };
  return runCommand(parsed.command, ctx);
}
