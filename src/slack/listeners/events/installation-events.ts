import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { deleteInstallation } from '../../../store/workspaces.ts';
import { workspaceKeyOf, type AppDeps } from '../../workspaces.ts';

type InstallationEventArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'>;

/**
 * The app was uninstalled from a workspace, or its bot token revoked: the token is forgotten and
 * the workspace marked uninstalled, so its alerts and reminders stop. Its plans, figures and
 * reviews stay until an admin deletes them; installing again picks them up where they were.
 * A `tokens_revoked` that names only user tokens leaves the bot's alone.
 */
export function installationEventCallback(base: AppDeps) {
  const oauth = base.config.oauth !== undefined;
  return async ({ event, context }: InstallationEventArgs): Promise<void> => {
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    const key = workspaceKeyOf(context, oauth);
    try {
      await deleteInstallation(base.db, key, base.clock());
      base.logger.warn(
        `${event.type} from workspace ${key}: its installation is removed and its alerts stop; its data is kept` +
          (oauth ? '' : ' (SLACK_BOT_TOKEN no longer works: reinstall the app and restart with the new token)'),
      );
    } catch (error) {
      base.logger.error(`${event.type} from workspace ${key} could not be recorded:`, error);
    }
  };
}
