import { describe, expect, it } from 'vitest';
import { AlertConfigError, alertSettingsOf, loadAlertConfig } from '../../src/config/alerts.ts';

const problemsOf = (env: Record<string, string>, needs = { token: true, channel: true }): string[] => {
  try {
    loadAlertConfig(env, needs);
  } catch (error) {
    if (error instanceof AlertConfigError) return error.problems.map((p) => p.message);
    throw error;
  }
  return [];
};

describe('alert configuration', () => {
  it('defaults to 09:00, 14 days due-soon and a weekly repeat', () => {
    const config = loadAlertConfig({ SLACK_BOT_TOKEN: 'xoxb-1-abc', ALERT_CHANNEL: 'C0PLAN' });
    expect(alertSettingsOf(config)).toEqual({
      channel: 'C0PLAN',
      time: { hour: 9, minute: 0 },
      dueSoonDays: 14,
      repeatDays: 7,
      dueRule: { month: 6, day: 30 },
    });
    expect(config.slackApiUrl).toBeUndefined();
  });

  it('reads every variable, adding the slash the Web API client needs to SLACK_API_URL', () => {
    const config = loadAlertConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-abc',
      ALERT_CHANNEL: 'G0PRIVATE',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      ALERT_TIME: '8:30',
      ALERT_DUE_SOON_DAYS: '0',
      ALERT_REPEAT_DAYS: '14',
    });
    expect(config).toMatchObject({
      slackApiUrl: 'http://127.0.0.1:9999/api/',
      time: { hour: 8, minute: 30 },
      dueSoonDays: 0,
      repeatDays: 14,
    });
  });

  it('gives one line per bad variable, core ones included, and never echoes a token', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      PLAN_LOCALE: 'fr',
      ALERT_TIME: '24:00',
      ALERT_DUE_SOON_DAYS: 'two weeks',
      ALERT_REPEAT_DAYS: '0',
    });
    expect(problems).toEqual([
      'PLAN_LOCALE must be "ja" or "en"',
      expect.stringMatching(/^SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"/),
      'ALERT_TIME must be a time of day HH:MM in Tokyo time, e.g. 09:00',
      'ALERT_DUE_SOON_DAYS must be a whole number of days from 0 to 366 (how long before a due date to warn)',
      'ALERT_REPEAT_DAYS must be a whole number of days from 1 to 365 (how often an overdue figure is raised again)',
      'ALERT_CHANNEL is not set',
    ]);
    expect(problems.join('\n')).not.toContain('secret');
  });

  it('needs no token for a dry run, and lets npm start run without a channel (alerts off)', () => {
    expect(problemsOf({ ALERT_CHANNEL: 'C0PLAN' }, { token: false, channel: true })).toEqual([]);
    const config = loadAlertConfig({ SLACK_BOT_TOKEN: 'xoxb-1-abc' }, { token: true, channel: false });
    expect(alertSettingsOf(config)).toBeNull();
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1-abc', ALERT_CHANNEL: '#general' })).toEqual([
      'ALERT_CHANNEL must be a channel id such as C0123ABCD',
    ]);
  });
});
