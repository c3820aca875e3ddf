import { BOT_SCOPES } from '../../src/slack/receivers.ts';
/** manifest.yml is what a city admin pastes into "Create an app from a manifest": it must match the bot. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
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
    for (const verb of ['list', 'search', 'policy', 'theme', 'overdue', 'report', 'plans', 'export', 'chart', 'help', 'share']) {
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
    // What an OAuth install asks each workspace for is the same list.
    expect(manifest.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
  });

  it('turns on interactivity (the buttons, the form) and Socket Mode', () => {
    expect(manifest.settings).toMatchObject({
      interactivity: { is_enabled: true },
      socket_mode_enabled: true,
      org_deploy_enabled: false,
      token_rotation_enabled: false,
    });
  });

  it('turns on the Home tab and subscribes to app_home_opened, with no request URL (Socket Mode)', () => {
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: true,
    });
    expect(manifest.settings.event_subscriptions).toEqual({ bot_events: ['app_home_opened', 'app_uninstalled', 'tokens_revoked'] });
  });

  it('has only keys Slack’s manifest schema knows, of the right types (a typo would be refused on import)', () => {
    expect(() => manifestSchema.parse(manifest)).not.toThrow();
  });
});

/**
 * The part of Slack's app manifest schema (v1) this file uses, strict so that an unknown or
 * misspelt key fails here rather than in "Create an app from a manifest". Field names and
 * limits as in @slack/web-api's `Manifest` type and docs.slack.dev/reference/app-manifest.
 */
const manifestSchema = z
  .object({
    _metadata: z.object({ major_version: z.number().int(), minor_version: z.number().int() }).strict(),
    display_information: z
      .object({
        name: z.string().min(1).max(35),
        description: z.string().max(140).optional(),
        long_description: z.string().max(4000).optional(),
        background_color: z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/).optional(),
      })
      .strict(),
    features: z
      .object({
        app_home: z
          .object({
            home_tab_enabled: z.boolean().optional(),
            messages_tab_enabled: z.boolean().optional(),
            messages_tab_read_only_enabled: z.boolean().optional(),
          })
          .strict()
          .optional(),
        bot_user: z.object({ display_name: z.string().regex(/^[a-z0-9._-]{1,80}$/), always_online: z.boolean().optional() }).strict(),
        slash_commands: z
          .array(
            z
              .object({
                command: z.string().regex(/^\/[^\s]{1,31}$/),
                description: z.string().max(2000),
                usage_hint: z.string().max(1000).optional(),
                should_escape: z.boolean().optional(),
                url: z.string().url().optional(),
              })
              .strict(),
          )
          .max(50)
          .optional(),
      })
      .strict(),
    oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string().regex(/^[a-z_.]+(?::[a-z_.]+)*$/)).max(255) }).strict() }).strict(),
    settings: z
      .object({
        event_subscriptions: z
          .object({
            request_url: z.string().url().optional(),
            bot_events: z.array(z.string().regex(/^[a-z_]+$/)).max(100).optional(),
            user_events: z.array(z.string()).max(100).optional(),
          })
          .strict()
          .optional(),
        interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string().url().optional() }).strict().optional(),
        org_deploy_enabled: z.boolean().optional(),
        socket_mode_enabled: z.boolean().optional(),
        token_rotation_enabled: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();
