import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import { registerViews } from './views/index.ts';

/**
 * Every listener of the bot, by kind: slash commands, interactive actions (buttons and
 * the figure form's selects) and modal submissions. A new feature adds its folder here,
 * and app.ts stays the same.
 */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}
