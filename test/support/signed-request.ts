/**
 * Builds and sends requests the way Slack sends them to the bot's Request URL,
 * so tests exercise Bolt's real HTTPReceiver: signature check, body parsing,
 * routing and ack timing.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const DEFAULT_TEAM_ID = 'T0SUITA';
export const DEFAULT_TEAM_DOMAIN = 'suita';
export const DEFAULT_USER_ID = 'U0STAFF';
export const DEFAULT_USER_NAME = 'staff';
export const DEFAULT_CHANNEL_ID = 'C0PLAN';
export const DEFAULT_CHANNEL_NAME = 'plan';
export const DEFAULT_APP_ID = 'A0PLANBOT';
/** The deprecated verification token Slack still sends; Bolt ignores it. */
export const DEFAULT_VERIFICATION_TOKEN = 'legacyVerificationToken0';
const BOT_USER_ID = 'UBOT';
const BOT_ID = 'BBOT';

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` keyed by the signing secret. */
export function signSlackRequest(signingSecret: string, timestampSeconds: number, rawBody: string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestampSeconds}:${rawBody}`);
  return `v0=${hmac.digest('hex')}`;
}

/** Looks like Slack's `<digits>.<digits>.<hex>`; unique per call so tests can tell triggers apart. */
export function fakeTriggerId(): string {
  const now = Date.now();
  return `${now}.${Math.floor(now / 1000)}.${randomBytes(16).toString('hex')}`;
}

export interface SlashCommandFields {
  text: string;
  response_url: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  team_domain?: string;
  trigger_id?: string;
  command?: string;
  api_app_id?: string;
}

/** The url-encoded body of a slash-command request, fields in Slack's order. */
export function slashCommandBody(fields: SlashCommandFields): string {
  // enterprise_id / enterprise_name are only sent for Enterprise Grid installs.
  const params = new URLSearchParams();
  params.append('token', DEFAULT_VERIFICATION_TOKEN);
  params.append('team_id', fields.team_id ?? DEFAULT_TEAM_ID);
  params.append('team_domain', fields.team_domain ?? DEFAULT_TEAM_DOMAIN);
  params.append('channel_id', fields.channel_id ?? DEFAULT_CHANNEL_ID);
  params.append('channel_name', fields.channel_name ?? DEFAULT_CHANNEL_NAME);
  params.append('user_id', fields.user_id ?? DEFAULT_USER_ID);
  params.append('user_name', fields.user_name ?? DEFAULT_USER_NAME);
  params.append('command', fields.command ?? '/plan');
  params.append('text', fields.text);
  params.append('api_app_id', fields.api_app_id ?? DEFAULT_APP_ID);
  params.append('is_enterprise_install', 'false');
  params.append('response_url', fields.response_url);
  params.append('trigger_id', fields.trigger_id ?? fakeTriggerId());
  return params.toString();
}

/** Interactivity arrives url-encoded with the whole JSON payload in one `payload` field. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API delivery: the JSON envelope Slack POSTs to the Request URL around one event. */
export function eventCallbackBody(event: Record<string, unknown>, opts: { eventId?: string } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    token: DEFAULT_VERIFICATION_TOKEN,
    team_id: DEFAULT_TEAM_ID,
    api_app_id: DEFAULT_APP_ID,
    event,
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: now,
    authorizations: [{ enterprise_id: null, team_id: DEFAULT_TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(12).toString('hex')}`,
  });
}

/**
 * `app_home_opened` as Slack sends it when a person opens the bot's Home tab (or its Messages
 * tab, with `tab: 'messages'`). `view` is the Home view last published for them, absent the
 * first time.
 */
export function appHomeOpenedEvent(userId: string = DEFAULT_USER_ID, tab: 'home' | 'messages' = 'home'): Record<string, unknown> {
  const ms = Date.now();
  return {
    type: 'app_home_opened',
    user: userId,
    channel: `D${userId.slice(1)}`,
    tab,
    event_ts: `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`,
  };
}

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface SelectedOption {
  value: string;
  text: PlainText;
}

/** One element's entry in `view.state.values[block_id][action_id]`. */
export interface ViewStateValue {
  type: string;
  value?: string | null;
  selected_option?: SelectedOption | null;
  selected_date?: string | null;
  selected_options?: SelectedOption[];
  selected_user?: string | null;
  [key: string]: unknown;
}

export type ViewStateValues = Record<string, Record<string, ViewStateValue>>;

export interface BlockActionOptions {
  actionId: string;
  /** Button value. Ignored when `selectedOption` is given. */
  value?: string;
  /** Makes the action a `static_select` choice instead of a button click. */
  selectedOption?: SelectedOption;
  userId?: string;
  /**
   * Slack only sends response_url for actions on messages. Pass
   * `standIn.responseUrl()`; when omitted the field is left out rather than
   * pointing anywhere real.
   */
  responseUrl?: string;
  triggerId?: string;
  blockId?: string;
  channelId?: string;
  /** ts of the message carrying the button (default a fixed bot-message ts). */
  messageTs?: string;
  /** When set the action comes from inside that modal: container/view instead of channel/message, no response_url. */
  viewId?: string;
  /** With `viewId`: the view is the Home tab (type `home`), not a modal. */
  home?: boolean;
  privateMetadata?: string;
  callbackId?: string;
  stateValues?: ViewStateValues;
}

export interface BlockActionsPayload {
  type: 'block_actions';
  user: { id: string; username: string; name: string; team_id: string };
  api_app_id: string;
  token: string;
  container: Record<string, unknown>;
  trigger_id: string;
  team: { id: string; domain: string };
  enterprise: null;
  is_enterprise_install: boolean;
  channel?: { id: string; name: string };
  message?: Record<string, unknown>;
  view?: ViewPayload;
  state: { values: ViewStateValues };
  response_url?: string;
  actions: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

export interface ViewPayload {
  id: string;
  team_id: string;
  type: 'modal';
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  state: { values: ViewStateValues };
  hash: string;
  title: PlainText;
  clear_on_close: boolean;
  notify_on_close: boolean;
  close: PlainText | null;
  submit: PlainText | null;
  previous_view_id: string | null;
  root_view_id: string;
  app_id: string;
  external_id: string;
  app_installed_team_id: string;
  bot_id: string;
  [key: string]: unknown;
}

function actionTs(): string {
  const ms = Date.now();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

function userOf(userId: string | undefined): BlockActionsPayload['user'] {
  return { id: userId ?? DEFAULT_USER_ID, username: DEFAULT_USER_NAME, name: DEFAULT_USER_NAME, team_id: DEFAULT_TEAM_ID };
}

function modalView(opts: {
  viewId: string;
  callbackId: string;
  privateMetadata: string;
  values: ViewStateValues;
  blocks?: unknown[];
}): ViewPayload {
  return {
    id: opts.viewId,
    team_id: DEFAULT_TEAM_ID,
    type: 'modal',
    blocks: opts.blocks ?? [],
    private_metadata: opts.privateMetadata,
    callback_id: opts.callbackId,
    state: { values: opts.values },
    hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
    title: { type: 'plain_text', text: 'plan-bot', emoji: true },
    clear_on_close: false,
    notify_on_close: false,
    close: { type: 'plain_text', text: 'キャンセル', emoji: true },
    submit: { type: 'plain_text', text: '送信', emoji: true },
    previous_view_id: null,
    root_view_id: opts.viewId,
    app_id: DEFAULT_APP_ID,
    external_id: '',
    app_installed_team_id: DEFAULT_TEAM_ID,
    bot_id: BOT_ID,
  };
}

export function blockActionPayload(opts: BlockActionOptions): BlockActionsPayload {
  const blockId = opts.blockId ?? 'plan_actions';
  const action: Record<string, unknown> =
    opts.selectedOption !== undefined
      ? {
          type: 'static_select',
          action_id: opts.actionId,
          block_id: blockId,
          selected_option: opts.selectedOption,
          action_ts: actionTs(),
        }
      : {
          type: 'button',
          action_id: opts.actionId,
          block_id: blockId,
          text: { type: 'plain_text', text: opts.value ?? '', emoji: true },
          value: opts.value ?? '',
          action_ts: actionTs(),
        };
  const stateValues = opts.stateValues ?? {};
  const base = {
    type: 'block_actions' as const,
    user: userOf(opts.userId),
    api_app_id: DEFAULT_APP_ID,
    token: DEFAULT_VERIFICATION_TOKEN,
    trigger_id: opts.triggerId ?? fakeTriggerId(),
    team: { id: DEFAULT_TEAM_ID, domain: DEFAULT_TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: stateValues },
    actions: [action],
  };

  if (opts.viewId !== undefined) {
    const view = modalView({
      viewId: opts.viewId,
      callbackId: opts.callbackId ?? '',
      privateMetadata: opts.privateMetadata ?? '',
      values: stateValues,
    });
    return {
      ...base,
      container: { type: 'view', view_id: opts.viewId },
      view: opts.home ? ({ ...view, type: 'home', close: null, submit: null } as unknown as ViewPayload) : view,
    };
  }

  const channelId = opts.channelId ?? DEFAULT_CHANNEL_ID;
  const messageTs = opts.messageTs ?? '1700000000.000100';
  return {
    ...base,
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: DEFAULT_CHANNEL_NAME },
    message: {
      type: 'message',
      user: BOT_USER_ID,
      bot_id: BOT_ID,
      app_id: DEFAULT_APP_ID,
      team: DEFAULT_TEAM_ID,
      text: '',
      ts: messageTs,
      blocks: [],
    },
    ...(opts.responseUrl !== undefined ? { response_url: opts.responseUrl } : {}),
  };
}

export interface ViewSubmissionOptions {
  callbackId: string;
  privateMetadata: string;
  values: ViewStateValues;
  userId?: string;
  viewId?: string;
  triggerId?: string;
  blocks?: unknown[];
}

export interface ViewSubmissionPayload {
  type: 'view_submission';
  team: { id: string; domain: string };
  user: { id: string; username: string; name: string; team_id: string };
  api_app_id: string;
  token: string;
  trigger_id: string;
  view: ViewPayload;
  response_urls: unknown[];
  is_enterprise_install: boolean;
  enterprise: null;
  [key: string]: unknown;
}

export function viewSubmissionPayload(opts: ViewSubmissionOptions): ViewSubmissionPayload {
  return {
    type: 'view_submission',
    team: { id: DEFAULT_TEAM_ID, domain: DEFAULT_TEAM_DOMAIN },
    user: userOf(opts.userId),
    api_app_id: DEFAULT_APP_ID,
    token: DEFAULT_VERIFICATION_TOKEN,
    trigger_id: opts.triggerId ?? fakeTriggerId(),
    view: modalView({
      viewId: opts.viewId ?? 'V0PLANMODAL',
      callbackId: opts.callbackId,
      privateMetadata: opts.privateMetadata,
      values: opts.values,
      ...(opts.blocks !== undefined ? { blocks: opts.blocks } : {}),
    }),
    // Empty unless the modal has an input with response_url_enabled; Bolt then provides no respond().
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export interface PostSignedOptions {
  signingSecret: string;
  /** Default: now. */
  timestampSeconds?: number;
  /** Sent instead of the computed signature, for forged-signature tests. */
  signature?: string;
  /**
   * Default `application/x-www-form-urlencoded`, or `application/json` for a
   * body starting with `{`. Bolt compares this header for exact equality, so a
   * `; charset=...` suffix makes it JSON-parse a form body and answer 400.
   */
  contentType?: string;
}

export interface SignedResponse {
  status: number;
  /** The reply's content-type without parameters; an acknowledgement carrying a message is JSON. */
  contentType: string | undefined;
  text: string;
  json: unknown | undefined;
  elapsedMs: number;
}

export async function postSigned(url: string, body: string, opts: PostSignedOptions): Promise<SignedResponse> {
  const timestamp = opts.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const signature = opts.signature ?? signSlackRequest(opts.signingSecret, timestamp, body);
  const contentType =
    opts.contentType ?? (body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    },
    body,
  });
  const text = await res.text();
  const elapsedMs = performance.now() - started;
  let json: unknown;
  if (text.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  const replyType = res.headers.get('content-type')?.split(';')[0]?.trim();
  return { status: res.status, contentType: replyType, text, json, elapsedMs };
}
