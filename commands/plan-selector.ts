import { planFamilyOf, planTermOf } from '../src/domain/plan-term.ts';
import { listPlans } from '../src/store/plans.ts';
import type { Plan } from '../src/store/schema.ts';
import type { CommandContext } from './context.ts';
import type { PlanSelector } from './grammar.ts';
import type { CommandResult } from './results.ts';

export type PlanChoice = { ok: true; ctx: CommandContext } | { ok: false; result: CommandResult };

/**
 * The one place a command's plan is decided: the plan the text named, else the door's
 * (PLAN_CODE, or the newest plan). `5期` prefers the door's own city when several cities'
 * 5th plans share the store.
 */
export async function choosePlan(ctx: CommandContext, selector: PlanSelector | undefined): Promise<PlanChoice> {
  if (!selector) return { ok: true, ctx };
  const plans = (await listPlans(ctx.db, ctx.workspace)).map((listing) => listing.plan);
  const found = pick(plans, selector, ctx.plan);
  if (found.length !== 1) {
    return {
      ok: false,
      result: {
        kind: 'error',
        error: {
          code: 'no_such_plan',
          selector: selector.kind === 'code' ? selector.code : `${selector.term}期`,
          plans: (found.length > 1 ? found : plans).map((p) => p.code),
          ambiguous: found.length > 1,
        },
      },
    };
  }
  const plan = found[0]!;
  return { ok: true, ctx: plan.id === ctx.plan.id ? ctx : { ...ctx, plan, otherPlan: true } };
}

function pick(plans: Plan[], selector: PlanSelector, home: Plan): Plan[] {
  if (selector.kind === 'code') return plans.filter((p) => p.code === selector.code);
  const ofTerm = plans.filter((p) => planTermOf(p) === selector.term);
  if (ofTerm.length <= 1) return ofTerm;
  const family = planFamilyOf(home.code);
  const ownCity = ofTerm.filter((p) => planFamilyOf(p.code) === family);
  return ownCity.length > 0 ? ownCity : ofTerm;
}
