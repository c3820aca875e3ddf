import type { Routes } from '../../routes.ts';
import { perWorkspace } from '../../workspaces.ts';
import { PLAN_COMMAND, planCommandCallback } from './plan.ts';

export function registerCommands(routes: Routes): void {
  routes.command(PLAN_COMMAND, perWorkspace(planCommandCallback));
}
