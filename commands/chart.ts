import type { CommandContext } from './context.ts';
import type { CommandResult } from './results.ts';
import { showActionPlan } from './show.ts';

/**
 * `/plan 13 chart`: the same figures, grades and statuses as `/plan 13`, handed to a door that
 * draws them. Nothing here chooses words or pixels; `src/render/chart-spec.ts` does the words.
 */
export async function chartActionPlan(ctx: CommandContext, number: number): Promise<CommandResult> {
  const shown = await showActionPlan(ctx, number, false);
  if (shown.kind !== 'action_plan') return shown;
  return { kind: 'chart', plan: shown.plan, asOf: shown.asOf };
}
