import { Routes } from '../routes.ts';
import type { AppDeps } from '../workspaces.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import { registerEvents } from './events/index.ts';
import { registerViews } from './views/index.ts';

/**
 * Every listener is built per workspace (src/slack/workspaces.ts), but those that uninstall.
 * Every listener of the bot, by kind: slash commands, interactive actions (buttons and
 * the figure form's selects), modal submissions and events (the Home tab). A new feature adds its folder here,
 * and app.ts stays the same. They are routed by id (src/slack/routes.ts says why), not by Bolt's listener list.
 */
export function registerListeners(base: AppDeps): Routes {
  const routes = new Routes();
  registerCommands(routes);
  registerActions(routes);
  registerViews(routes);
  registerEvents(routes, base);
  return routes;
}
