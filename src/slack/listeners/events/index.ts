import type { App } from '@slack/bolt';
import { INSTALLATION_EVENTS, perWorkspace, type AppDeps } from '../../workspaces.ts';
import { installationEventCallback } from './installation-events.ts';
import { appHomeOpenedCallback } from './app-home-opened.ts';

export function registerEvents(app: App, base: AppDeps): void {
  app.event('app_home_opened', perWorkspace(appHomeOpenedCallback));
  for (const event of INSTALLATION_EVENTS) app.event(event, installationEventCallback(base));
}
