import type { RecordingPolicy } from '../../../commands/record-figure.ts';
import type { SlackDeps } from '../deps.ts';

/** Who may record besides an action plan's owners: the PLAN_ADMINS of this deployment. */
export function recordingPolicy(deps: SlackDeps): RecordingPolicy {
  return { admins: deps.config.admins };
}
