/**
 * Ids Slack echoes back when a person clicks: kept in one place so the button that
 * sends one and the listener that receives it cannot drift apart.
 */

/** The "record a figure" button on an action-plan answer; its value is the action plan number. */
export const RECORD_FIGURE_ACTION_ID = 'record_figure';

/** The actions block holding that button. */
export const PLAN_ACTIONS_BLOCK_ID = 'plan_actions';

/** 「あとで（1週間）」 on a reminder DM; its value is `indicatorId:fiscalYear:locale`. */
export const SNOOZE_REMINDER_ACTION_ID = 'snooze_reminder';

/** The actions block of a reminder DM (the record button there reuses RECORD_FIGURE_ACTION_ID). */
export const REMINDER_ACTIONS_BLOCK_ID = 'reminder_actions';
