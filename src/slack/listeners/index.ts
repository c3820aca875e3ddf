import type { App } from '@slack/bolt';
import type { AppDeps } from '../workspaces.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import { registerEvents } from './events/index.ts';
import { registerViews } from './views/index.ts';

/**
 * Every listener is built per workspace (src/slack/workspaces.ts), but those that uninstall.
 * Every listener of the bot, by kind: slash commands, interactive actions (buttons and
 * the figure form's selects), modal submissions and events (the Home tab). A new feature adds its folder here,
 * and app.ts stays the same.
 */
export function registerListeners(app: App, base: AppDeps): void {
  registerCommands(app);
  registerActions(app);
  registerViews(app);
  registerEvents(app, base);
}
