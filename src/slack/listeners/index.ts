import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import { registerEvents } from './events/index.ts';
import { registerViews } from './views/index.ts';

/**
 * Every listener of the bot, by kind: slash commands, interactive actions (buttons and
 * the figure form's selects), modal submissions and events (the Home tab). A new feature adds its folder here,
 * and app.ts stays the same.
 */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
}
