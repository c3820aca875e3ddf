import { describe, expect, it } from 'vitest';
import { AlertConfigError, loadAlertConfig, reminderSettingsOf } from '../../src/config/alerts.ts';

const NEEDS = { token: false, channel: false };

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadAlertConfig(env, NEEDS);
  } catch (error) {
    if (error instanceof AlertConfigError) return error.problems.map((p) => p.message);
    throw error;
  }
  return [];
};

describe('reminder configuration', () => {
  it('defaults to the ladder −14, −1, 0, +2, weekly, escalation after 10 working days, quiet 20:00–08:00', () => {
    const settings = reminderSettingsOf(loadAlertConfig({ PLAN_ADMINS: 'U0ADMIN' }, NEEDS));
    expect(settings).toEqual({
      ladder: { steps: [-14, -1, 0, 2], repeatDays: 7, escalateAfterWorkingDays: 10 },
      quietHours: { from: { hour: 20, minute: 0 }, to: { hour: 8, minute: 0 } },
      time: { hour: 9, minute: 0 },
      admins: ['U0ADMIN'],
      defaultLocale: 'ja',
      dueRule: { month: 6, day: 30 },
    });
  });

  it('reads every variable, sorting the steps and dropping duplicates', () => {
    const config = loadAlertConfig(
      {
        REMINDER_STEPS: ' 3, -7 ,0,3',
        REMINDER_REPEAT_DAYS: '3',
        ESCALATE_AFTER_WORKING_DAYS: '0',
        QUIET_HOURS: '22:30-6:00',
        PLAN_LOCALE: 'en',
      },
      NEEDS,
    );
    expect(reminderSettingsOf(config)).toMatchObject({
      ladder: { steps: [-7, 0, 3], repeatDays: 3, escalateAfterWorkingDays: 0 },
      quietHours: { from: { hour: 22, minute: 30 }, to: { hour: 6, minute: 0 } },
      defaultLocale: 'en',
    });
    expect(reminderSettingsOf(loadAlertConfig({ QUIET_HOURS: 'none' }, NEEDS))?.quietHours).toBeNull();
    expect(reminderSettingsOf(loadAlertConfig({ REMINDERS: 'off' }, NEEDS))).toBeNull();
  });

  it('names each bad variable on its own line', () => {
    expect(
      problemsOf({
        REMINDERS: 'yes',
        REMINDER_STEPS: '-14,tomorrow',
        REMINDER_REPEAT_DAYS: '0',
        ESCALATE_AFTER_WORKING_DAYS: '-1',
        QUIET_HOURS: '20:00',
      }),
    ).toEqual([
      'REMINDERS must be on or off',
      'REMINDER_STEPS must be whole numbers of days from the due date, comma-separated, e.g. -14,-1,0,2 (from -366 to 366)',
      'REMINDER_REPEAT_DAYS must be a whole number of days from 1 to 365 (how often an overdue figure’s owners are reminded again)',
      'ESCALATE_AFTER_WORKING_DAYS must be a whole number of days from 0 to 250 (working days overdue before the admins are told)',
      'QUIET_HOURS must be a time range HH:MM-HH:MM in Tokyo time (e.g. 20:00-08:00), or "none"',
    ]);
    expect(problemsOf({ REMINDER_STEPS: '-400' })).toHaveLength(1);
  });

  it('refuses quiet hours that cover ALERT_TIME, when no reminder could ever be sent', () => {
    expect(problemsOf({ ALERT_TIME: '21:00' })).toEqual([
      'QUIET_HOURS covers ALERT_TIME, so no reminder would ever be sent: move one of them, or set REMINDERS=off',
    ]);
    expect(problemsOf({ ALERT_TIME: '21:00', REMINDERS: 'off' })).toEqual([]);
  });
});
