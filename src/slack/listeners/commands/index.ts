import type { App } from '@slack/bolt';
import { perWorkspace } from '../../workspaces.ts';
import { PLAN_COMMAND, planCommandCallback } from './plan.ts';

export function registerCommands(app: App): void {
  app.command(PLAN_COMMAND, perWorkspace(planCommandCallback));
}
