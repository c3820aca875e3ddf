import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { PLAN_COMMAND, planCommandCallback } from './plan.ts';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(PLAN_COMMAND, planCommandCallback(deps));
}
