/**
 * Driving the "record a figure" modal the way Slack does: ask for it with a signed
 * `/plan report N`, read the view the bot sent to views.open, then send signed
 * block_actions (a select changed) and view_submission payloads built from that view.
 */
import type { types } from '@slack/bolt';
import { FIGURE_FORM_ACTION_IDS, FIGURE_FORM_BLOCK_IDS, FIGURE_FORM_CALLBACK_ID } from '../../src/render/blocks/record-figure-modal.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { ackMessage, type Answer, TEST_ADMIN_ID, TEST_SIGNING_SECRET, textsUnder, type TestBot } from './plan-bot.ts';
import {
  blockActionPayload,
  fakeTriggerId,
  interactionBody,
  postSigned,
  slashCommandBody,
  viewSubmissionPayload,
  type SignedResponse,
  type ViewStateValues,
} from './signed-request.ts';
import type { RecordedCall, SlackApiStandIn } from './slack-api-stand-in.ts';

export type ModalJson = types.ModalView & { id?: string; hash?: string };

/** Polls the stand-in's record until `find` returns something. */
export async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: nothing within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Every listener run has finished, including the posts that follow an ack. */
export async function settled(t: TestBot, timeoutMs = 5000): Promise<void> {
  await waitFor(() => (t.bot.inFlight === 0 ? true : undefined), 'listeners still running', timeoutMs);
}

export interface FormRequest {
  http: SignedResponse;
  triggerId: string;
  sentAt: number;
  /** Set when the bot opened the modal. */
  opened?: RecordedCall;
  /**
   * Set when the bot answered instead: in the acknowledgement (text it could not parse) or
   * on the response_url (the form's refusals, which follow an empty ack).
   */
  reply?: Answer;
}

/** `/plan <text>` with a fresh trigger_id; resolves on views.open for that trigger or on the reply. */
export async function requestForm(t: TestBot, text: string, userId: string = TEST_ADMIN_ID): Promise<FormRequest> {
  const triggerId = fakeTriggerId();
  const responseUrl = t.standIn.responseUrl();
  const path = new URL(responseUrl).pathname;
  const sentAt = Date.now();
  const http = await postSigned(
    t.eventsUrl,
    slashCommandBody({ text, response_url: responseUrl, trigger_id: triggerId, user_id: userId }),
    { signingSecret: TEST_SIGNING_SECRET },
  );
  const acked = ackMessage(http.json);
  if (acked) return { http, triggerId, sentAt, reply: { via: 'ack', body: acked, at: Date.now() } };
  const outcome = await waitFor(
    (): Pick<FormRequest, 'opened' | 'reply'> | undefined => {
      const opened = t.standIn.callsTo('views.open').find((c) => c.body.trigger_id === triggerId);
      if (opened) return { opened };
      const reply = t.standIn.callsTo('response_url').find((c) => c.path === path);
      return reply ? { reply: { via: 'response_url', body: reply.body, at: reply.at } } : undefined;
    },
    `views.open or a reply for /plan ${text}`,
  );
  return { http, triggerId, sentAt, ...outcome };
}

/** The modal the bot opens for `/plan report <n>`, as sent to views.open. */
export async function openForm(t: TestBot, n: number, userId: string = TEST_ADMIN_ID): Promise<ModalJson> {
  const request = await requestForm(t, `report ${n}`, userId);
  if (!request.opened) throw new Error(`/plan report ${n} did not open a form: ${JSON.stringify(request.reply?.body)}`);
  return request.opened.body.view as ModalJson;
}

type Blockish = { type: string; block_id?: string; element?: Record<string, unknown>; elements?: unknown[] };

export function blockOf(view: types.View, blockId: string): Blockish | undefined {
  return (view.blocks as Blockish[]).find((b) => b.block_id === blockId);
}

/** The value of a select's initial_option, as the person would see it chosen. */
export function initialValue(view: types.View, blockId: string): string | undefined {
  const option = blockOf(view, blockId)?.element?.initial_option as { value?: string } | undefined;
  return option?.value;
}

export function optionValues(view: types.View, blockId: string): string[] {
  const options = (blockOf(view, blockId)?.element?.options ?? []) as Array<{ value: string }>;
  return options.map((o) => o.value);
}

/** The words of one block (or the whole view), for assertions that do not care about layout. */
export function textOf(view: types.View, blockId?: string): string {
  return textsUnder(blockId === undefined ? view : blockOf(view, blockId));
}

export interface FormFields {
  /** Default: the indicator the form shows as chosen; null sends the select empty. */
  indicatorId?: number | string | null;
  /** Default: the year the form shows as chosen; null sends the select empty. */
  fiscalYear?: number | string | null;
  value?: string | null;
  note?: string | null;
}

const option = (value: string) => ({ value, text: { type: 'plain_text' as const, text: value, emoji: true } });

/** `view.state.values` as Slack sends it for this modal, the person's typing included. */
export function formState(view: types.View, fields: FormFields): ViewStateValues {
  const values: ViewStateValues = {};
  if (blockOf(view, FIGURE_FORM_BLOCK_IDS.indicator)) {
    const chosen = fields.indicatorId === undefined ? initialValue(view, FIGURE_FORM_BLOCK_IDS.indicator) : fields.indicatorId;
    values[FIGURE_FORM_BLOCK_IDS.indicator] = {
      [FIGURE_FORM_ACTION_IDS.indicator]: { type: 'static_select', selected_option: chosen == null ? null : option(String(chosen)) },
    };
  }
  const year = fields.fiscalYear === undefined ? initialValue(view, FIGURE_FORM_BLOCK_IDS.fiscalYear) : fields.fiscalYear;
  values[FIGURE_FORM_BLOCK_IDS.fiscalYear] = {
    [FIGURE_FORM_ACTION_IDS.fiscalYear]: { type: 'static_select', selected_option: year == null ? null : option(String(year)) },
  };
  values[FIGURE_FORM_BLOCK_IDS.value] = {
    [FIGURE_FORM_ACTION_IDS.value]: { type: 'plain_text_input', value: fields.value ?? null },
  };
  values[FIGURE_FORM_BLOCK_IDS.note] = {
    [FIGURE_FORM_ACTION_IDS.note]: { type: 'plain_text_input', value: fields.note ?? null },
  };
  return values;
}

export interface SubmitOptions {
  userId?: string;
  /** The modal's view id; by default every submission comes from a modal of its own. */
  viewId?: string;
  /** Sent instead of the view's own, for forged or stale forms. */
  privateMetadata?: string;
}

let submissions = 0;

/** Presses "Record": a signed view_submission carrying the view's private_metadata and the fields. */
export async function submitForm(
  t: TestBot,
  view: ModalJson,
  fields: FormFields,
  options: SubmitOptions = {},
): Promise<SignedResponse> {
  const payload = viewSubmissionPayload({
    callbackId: FIGURE_FORM_CALLBACK_ID,
    privateMetadata: options.privateMetadata ?? view.private_metadata ?? '',
    values: formState(view, fields),
    userId: options.userId ?? TEST_ADMIN_ID,
    // Slack closes a modal once it is saved, so each recorded figure comes from a view of its own.
    viewId: options.viewId ?? `${view.id ?? 'V0PLANMODAL'}-${++submissions}`,
  });
  return postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: TEST_SIGNING_SECRET });
}

/**
 * Changes the indicator or fiscal-year select of an open form: Slack sends block_actions
 * with the whole view, its state already holding the new choice.
 */
export async function chooseInForm(
  t: TestBot,
  view: ModalJson,
  change: { indicatorId: number | string } | { fiscalYear: number | string },
  options: SubmitOptions & { value?: string } = {},
): Promise<SignedResponse> {
  const isIndicator = 'indicatorId' in change;
  const chosen = String(isIndicator ? change.indicatorId : change.fiscalYear);
  const payload = blockActionPayload({
    actionId: isIndicator ? FIGURE_FORM_ACTION_IDS.indicator : FIGURE_FORM_ACTION_IDS.fiscalYear,
    blockId: isIndicator ? FIGURE_FORM_BLOCK_IDS.indicator : FIGURE_FORM_BLOCK_IDS.fiscalYear,
    selectedOption: option(chosen),
    viewId: options.viewId ?? view.id ?? 'V0PLANMODAL',
    callbackId: FIGURE_FORM_CALLBACK_ID,
    privateMetadata: options.privateMetadata ?? view.private_metadata ?? '',
    stateValues: formState(view, { ...change, value: options.value ?? null }),
    userId: options.userId ?? TEST_ADMIN_ID,
  });
  // Slack sends the hash of the view as it was when the choice was made.
  if (view.hash && payload.view) payload.view.hash = view.hash;
  return postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: TEST_SIGNING_SECRET });
}

/** The form's private_metadata, read back (plan id, action plan number, indicator id). */
export function metadataOf(view: types.View): { planId: number; actionPlanNumber: number; indicatorId?: number } {
  return JSON.parse(view.private_metadata ?? '{}');
}

export interface StoredRevision {
  id: number;
  value: number;
  provisional: number;
  recorded_by: string;
  source: string;
  note: string | null;
  current: boolean;
}

/** Every revision of one yearly figure, oldest first; `indicator` is its position in the action plan (1-based). */
export async function revisionsOf(
  db: PlanDb,
  actionPlanNumber: number,
  fiscalYear: number,
  indicator = 1,
): Promise<StoredRevision[]> {
  const rows = await db
    .selectFrom('actual_revision as r')
    .innerJoin('yearly_figure as f', 'f.id', 'r.yearly_figure_id')
    .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
    .innerJoin('action_plan as a', 'a.id', 'i.action_plan_id')
    .select(['r.id', 'r.value', 'r.provisional', 'r.recorded_by', 'r.source', 'r.note', 'f.current_revision_id'])
    .where('a.number', '=', actionPlanNumber)
    .where('f.fiscal_year', '=', fiscalYear)
    .where('i.position', '=', indicator)
    .orderBy('r.id')
    .execute();
  return rows.map(({ current_revision_id, ...r }) => ({ ...r, current: r.id === current_revision_id }));
}

/** All revisions in the database: "nothing stored" means this did not change. */
export async function revisionCount(db: PlanDb): Promise<number> {
  const row = await db.selectFrom('actual_revision').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The id of an indicator by its position in an action plan (1-based). */
export async function indicatorId(db: PlanDb, actionPlanNumber: number, position = 1): Promise<number> {
  const row = await db
    .selectFrom('indicator as i')
    .innerJoin('action_plan as a', 'a.id', 'i.action_plan_id')
    .select('i.id')
    .where('a.number', '=', actionPlanNumber)
    .where('i.position', '=', position)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** chat.postMessage calls to one channel (a user id for a DM). */
export function postsTo(standIn: SlackApiStandIn, channel: string): RecordedCall[] {
  return standIn.callsTo('chat.postMessage').filter((c) => c.body.channel === channel && !c.failed);
}
