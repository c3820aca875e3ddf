import { parseCommand, type ParseResult } from '../../commands/grammar.ts';

const CAPACITY = 512;
const LONGEST_KEPT = 200;
const seen = new Map<string, ParseResult>();

/**
 * parseCommand, remembered for the texts people keep typing (`13`, `list`). One /plan is
 * parsed by the replay guard, the chart door and the listener; parsing is pure and the same
 * few texts arrive all day. Long texts are parsed each time, so a flood of odd input cannot
 * fill memory. Callers must not change the result (it is shared).
 */
export function parsedText(text: string): ParseResult {
  const hit = seen.get(text);
  if (hit) return hit;
  const parsed = parseCommand(text);
  if (text.length <= LONGEST_KEPT) {
    if (seen.size >= CAPACITY) seen.delete(seen.keys().next().value!);
    seen.set(text, parsed);
  }
  return parsed;
}
