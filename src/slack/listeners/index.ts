import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';

/**
 * Every listener of the bot, by kind. A new feature adds its folder here (views/ for
 * modal submissions), and app.ts stays the same.
 */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
}
