import type { Routes } from '../../routes.ts';
import { INSTALLATION_EVENTS, perWorkspace, type AppDeps } from '../../workspaces.ts';
import { installationEventCallback } from './installation-events.ts';
import { appHomeOpenedCallback } from './app-home-opened.ts';

export function registerEvents(routes: Routes, base: AppDeps): void {
  routes.event('app_home_opened', perWorkspace(appHomeOpenedCallback));
  for (const event of INSTALLATION_EVENTS) routes.event(event, installationEventCallback(base));
}
