/** manifest.yml is what a city admin pastes into "Create an app from a manifest": it must match the bot. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PLAN_COMMAND } from '../../src/slack/listeners/commands/plan.ts';

const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8'));

describe('manifest.yml', () => {
  it('names the app and its bot user within Slack’s lengths', () => {
    expect(manifest._metadata).toEqual({ major_version: 1, minor_version: 1 });
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.features.bot_user).toMatchObject({ display_name: 'plan-bot', always_online: true });
  });

  it('declares /plan with a Japanese description and usage hint, escaping mentions', () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(PLAN_COMMAND);
    expect(command.should_escape).toBe(true);
    expect(command.description).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(command.usage_hint).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    for (const verb of ['list', 'search', 'policy', 'theme', 'overdue', 'report', 'plans', 'export', 'help', 'share']) {
      expect(command.usage_hint).toContain(verb);
    }
    expect(command.description.length).toBeLessThanOrEqual(2000);
    expect(command.usage_hint.length).toBeLessThanOrEqual(1000);
    // In Socket Mode Slack needs no request URL; one here would point at nothing.
    expect(command.url).toBeUndefined();
  });

  it('asks only for the scopes the bot uses: /plan, posting, file uploads, reminder DMs, locales and its own history', () => {
    // files:write and im:write: /plan export and charts upload files (into the DM it opens with the person).
    expect(manifest.oauth_config.scopes).toEqual({
      bot: ['commands', 'chat:write', 'im:write', 'users:read', 'im:history', 'channels:history', 'groups:history', 'files:write'],
    });
  });

  it('turns on interactivity (the record button and the form) and Socket Mode', () => {
    expect(manifest.settings).toMatchObject({
      interactivity: { is_enabled: true },
      socket_mode_enabled: true,
      org_deploy_enabled: false,
      token_rotation_enabled: false,
    });
    expect(manifest.settings.event_subscriptions).toBeUndefined();
  });
});
