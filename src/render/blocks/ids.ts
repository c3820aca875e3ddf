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
/** The グラフ button on an action-plan answer and on the Home tab; its value is the action plan number. */
export const SHOW_CHART_ACTION_ID = 'show_chart';

/** The Home tab's 詳細 button: the action plan's answer, sent to the person's DM; value: the number. */
export const HOME_SHOW_PLAN_ACTION_ID = 'home_show_plan';

/**
 * The Home tab's 実績を入力 button beside one due figure: the figure form opened on that indicator
 * and year. Value: `<action plan number>:<indicator id>:<fiscal year>`.
 */
export const HOME_RECORD_FIGURE_ACTION_ID = 'home_record_figure';
