import type { CommandResult } from '../../commands/results.ts';
import type { SettingName } from '../domain/workspace-settings.ts';
import type { Messages } from '../messages/index.ts';
import { dayOf } from './describe.ts';

type SettingsResult = Extract<CommandResult, { kind: 'settings' }>;

/** How people and channels are written: Slack mentions in Block Kit, bare ids in a terminal. */
export interface SettingsStyle {
  user(id: string): string;
  channel(id: string): string;
}

export const TERMINAL_STYLE: SettingsStyle = { user: (id) => id, channel: (id) => id };

/** `/plan settings`: the change first when there was one, then each setting with where it comes from. */
export function settingsLines(result: SettingsResult, m: Messages, style: SettingsStyle): string[] {
  const w = m.workspace;
  const { settings } = result;
  const label: Record<SettingName, string> = { admins: w.admins, alert_channel: w.alertChannel, plan: w.plan, locale: w.locale };
  const origin = (name: SettingName) => {
    const change = settings.changed[name];
    return change ? w.changedBy(style.user(change.by), m.date(dayOf(change.at))) : w.fromEnvironment;
  };
  const lines: string[] = [];
  if (result.change) lines.push(result.change.changed ? w.changed(label[result.change.setting]) : w.unchanged(label[result.change.setting]), '');
  lines.push(w.title);
  const admins = settings.admins.length ? settings.admins.map(style.user).join(' ') : w.nobody;
  lines.push(`・${w.admins}：${admins}（${origin('admins')}）`);
  lines.push(`・${w.alertChannel}：${settings.alertChannel ? style.channel(settings.alertChannel) : w.off}（${origin('alert_channel')}）`);
  lines.push(`・${w.plan}：${settings.planCode ?? w.newestPlan}（${origin('plan')}）`);
  lines.push(`・${w.locale}：${w.localeName(settings.locale)}（${origin('locale')}）`);
  lines.push('', w.hint);
  return lines;
}
