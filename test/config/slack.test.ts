/** The Slack environment: validated at start, one line per mistake, never a token in it. */
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigErrors, shown } from '../../src/config/core.ts';
import { describeConfigError, loadSlackConfig, slackMode } from '../../src/config/slack.ts';

const BOT = 'xoxb-1111-2222-secretbotvalue';
const SECRET = '8f742231b10e8888abcd99aaabbb85a5';
const APP = 'xapp-1-A0PLANBOT-3333-secretappvalue';

function load(env: Record<string, string | undefined>) {
  return loadSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, ...env });
}

function failure(env: Record<string, string | undefined>): { error: ConfigError; line: string } {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return { error, line: describeConfigError(error) };
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('Slack configuration', () => {
  it('runs in HTTP mode on port 3000 with a bot token and a signing secret', () => {
    const config = load({});
    expect(config).toMatchObject({ botToken: BOT, signingSecret: SECRET, appToken: undefined, port: 3000, slackApiUrl: undefined });
    expect(slackMode(config)).toBe('http');
  });

  it('takes Socket Mode when SLACK_APP_TOKEN is set, and then needs no signing secret', () => {
    const config = load({ SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: undefined });
    expect(slackMode(config)).toBe('socket');
    expect(config.signingSecret).toBeUndefined();
  });

  it('reads PORT, SLACK_API_URL (ending it with a slash), ALERT_CHANNEL and the core settings', () => {
    const config = load({
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      ALERT_CHANNEL: 'C0PLANALERT',
      PLAN_ADMINS: 'U0ADMIN1, U0ADMIN2',
      PLAN_LOCALE: 'en',
    });
    expect(config).toMatchObject({
      port: 8080,
      slackApiUrl: 'http://127.0.0.1:9999/api/',
      alertChannel: 'C0PLANALERT',
      admins: ['U0ADMIN1', 'U0ADMIN2'],
      locale: 'en',
    });
  });

  it('counts blank values as unset, as .env files write them', () => {
    expect(slackMode(load({ SLACK_APP_TOKEN: '  ' }))).toBe('http');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: undefined }, 'SLACK_BOT_TOKEN is not set: copy the "Bot User OAuth Token"'],
    [{ SLACK_BOT_TOKEN: APP }, 'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"'],
    [{ SLACK_SIGNING_SECRET: undefined }, 'SLACK_SIGNING_SECRET is not set (it is required in HTTP mode)'],
    [{ SLACK_SIGNING_SECRET: BOT }, 'SLACK_SIGNING_SECRET holds a token, not the signing secret'],
    [{ SLACK_APP_TOKEN: BOT }, 'SLACK_APP_TOKEN must be an app-level token starting with "xapp-"'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535'],
    [{ SLACK_API_URL: 'slack.com/api' }, 'SLACK_API_URL must be an http(s) URL'],
    [{ ALERT_CHANNEL: '#general' }, 'ALERT_CHANNEL must be a channel id such as C0123ABCD'],
    [{ PLAN_LOCALE: 'fr' }, 'PLAN_LOCALE must be "ja" or "en"'],
  ])('explains %o in one line naming the variable, without any token', (env, expected) => {
    const { line } = failure(env);
    expect(line.startsWith(expected)).toBe(true);
    expect(line).not.toContain('\n');
    for (const secret of [BOT, SECRET, APP]) expect(line).not.toContain(secret);
  });

  it('says how to fix a Slack variable', () => {
    expect(failure({ SLACK_SIGNING_SECRET: undefined }).line).toContain('"Basic Information" page, or set SLACK_APP_TOKEN');
  });
});

describe('every problem at once, secrets masked (#12.8, #12.13)', () => {
  it('names each bad variable, core and Slack alike, in one error', () => {
    let caught: unknown;
    try {
      loadSlackConfig({ SLACK_BOT_TOKEN: 'nope', PORT: 'x', PLAN_LOCALE: 'fr', HTTPS_PROXY: 'proxy:8080' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigErrors);
    const variables = (caught as ConfigErrors).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['HTTPS_PROXY', 'PLAN_LOCALE', 'PORT', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
  });

  it('masks a token or secret pasted into PLAN_ADMINS', () => {
    for (const secret of [BOT, SECRET, APP]) {
      const { line } = failure({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PLAN_ADMINS: `U0ADMIN,${secret}` });
      expect(line).toMatch(/^PLAN_ADMINS ".{4}…" \(\d+ characters, masked\) is not a Slack user id/);
      expect(line).not.toContain(secret);
    }
  });

  it('still shows a short plain mistake as it is', () => {
    expect(shown('U0ADMIN;U0OTHER')).toBe('"U0ADMIN;U0OTHER"');
    expect(shown('xoxb-1234-abcd')).toMatch(/masked/);
  });

  it('reads https_proxy too', () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, https_proxy: 'http://proxy.example:8080' }).httpsProxy).toBe(
      'http://proxy.example:8080',
    );
  });
});
