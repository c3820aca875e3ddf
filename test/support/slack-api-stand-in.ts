/**
 * A local stand-in for the Slack Web API and for response_url webhooks.
 *
 * Tests cannot reach slack.com, so the bot's WebClient is pointed here with
 * `clientOptions: { slackApiUrl: standIn.url }`, and the response_url put into
 * signed slash-command / interaction payloads is `standIn.responseUrl()`.
 * Everything is recorded so tests can assert on exactly what the bot sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedCall {
  /** Web API method (e.g. `chat.postMessage`), `'response_url'`, or `'file_upload'` (the bytes of files upload v2). */
  method: string;
  /** Parsed request body (JSON, url-encoded or multipart), plus any query-string fields. */
  body: Record<string, unknown>;
  /** Bearer token from the Authorization header, falling back to a `token` body field. */
  token: string | undefined;
  /** `Date.now()` when the request body had been read. */
  at: number;
  /** Request path, e.g. `/api/chat.postMessage` or `/respond/abc`. */
  path: string;
  /** Set when the call was answered with a programmed fault (see `failNext`). */
  failed?: true;
}

export type StandInFault =
  | { status: 500 }
  | { status: 429; retryAfterSeconds: number }
  | { okFalse: string }
  /**
   * Slack takes the post (it shows in `conversations.history`) and then answers 500, or
   * never answers at all (`hang`): the two ways a client cannot know a post went through.
   */
  | { accept: true; status: 500 }
  | { accept: true; hang: true };

/** A message Slack took, as `conversations.history` gives it back. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown;
  metadata?: unknown;
}

export type StandInAnswer =
  | Record<string, unknown>
  | ((call: RecordedCall) => Record<string, unknown>);

export interface WaitForCallOptions {
  /** Resolve on the n-th call to the method (1-based, counting failed calls too). Default 1. */
  count?: number;
  /** Default 3000 ms. */
  timeoutMs?: number;
}

export interface SlackApiStandIn {
  /** Base URL for `slackApiUrl` / `SLACK_API_URL`; ends with `/api/`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** A response_url on this server; POSTs to it are recorded with `method: 'response_url'`. */
  responseUrl(id?: string): string;
  /** Every call in arrival order. Cleared in place by `reset()`, so a held reference stays live. */
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  waitForCall(method: string, opts?: WaitForCallOptions): Promise<RecordedCall>;
  /**
   * The next `times` calls to `method` get `fault`. Queued faults for the same
   * method are used in the order they were programmed. `method` may be
   * `'response_url'`.
   */
  failNext(method: string, times: number, fault: StandInFault): void;
  /** Replace the default answer for a Web API method until `reset()`. */
  setAnswer(method: string, answer: StandInAnswer): void;
  /** Every message each conversation holds, oldest first (a DM under its D… id). */
  messagesIn(channel: string): StoredMessage[];
  /** The `users.info` locale of a person (default `ja-JP`); null leaves it out, as Slack may. */
  setUserLocale(userId: string, locale: string | null): void;
  /** What `apps.connections.open` hands back (default `ws://127.0.0.1:1/`, which refuses connections). */
  setSocketModeUrl(url: string): void;
  /** Forget calls, faults, answer overrides and the socket-mode URL; pending waiters keep waiting. */
  reset(): void;
  /** Closes the listener and every open socket. Safe to call more than once. */
  close(): Promise<void>;
}

export const STAND_IN_TEAM_ID = 'T0SUITA';
export const STAND_IN_TEAM_NAME = 'Suita';
export const STAND_IN_BOT_USER_ID = 'UBOT';
export const STAND_IN_BOT_ID = 'BBOT';
export const STAND_IN_APP_ID = 'A0PLANBOT';

const DEFAULT_SOCKET_MODE_URL = 'ws://127.0.0.1:1/';

/**
 * In url-encoded posts @slack/web-api JSON-stringifies every non-primitive
 * argument. Only these are decoded back, because blindly parsing every value
 * would turn a `text` such as "[1,2]" into an array.
 */
const JSON_FORM_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks']);

interface PendingFault {
  remaining: number;
  fault: StandInFault;
}

interface Waiter {
  method: string;
  count: number;
  resolve: (call: RecordedCall) => void;
}

export async function startSlackApiStandIn(): Promise<SlackApiStandIn> {
  const calls: RecordedCall[] = [];
  const faults = new Map<string, PendingFault[]>();
  const answers = new Map<string, StandInAnswer>();
  const waiters = new Set<Waiter>();
  const sockets = new Set<Socket>();
  let socketModeUrl = DEFAULT_SOCKET_MODE_URL;
  const stored: StoredMessage[] = [];
  const userLocales = new Map<string, string | null>();
  const hanging = new Set<ServerResponse>();
  let viewCounter = 0;
  let responseUrlCounter = 0;
  let fileCounter = 0;
  /** Bytes received at each upload URL, by file id: what files.completeUploadExternal then shares. */
  const uploads = new Map<string, Buffer>();

  // Slack ts values are "seconds.micros" strings that sort as strings; bots
  // often key threads and updates on them, so they must be unique and increasing.
  // They follow the real clock, as Slack's do, so `oldest` in conversations.history works.
  let lastMicros = 0;
  const nextTs = (): string => {
    lastMicros = Math.max(lastMicros + 100, Date.now() * 1000);
    return `${Math.floor(lastMicros / 1_000_000)}.${String(lastMicros % 1_000_000).padStart(6, '0')}`;
  };
  const nextViewId = (): string => {
    viewCounter += 1;
    return `V${String(viewCounter).padStart(9, '0')}`;
  };

  const takeFault = (method: string): StandInFault | undefined => {
    const queue = faults.get(method);
    const head = queue?.[0];
    if (queue === undefined || head === undefined) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    if (queue.length === 0) faults.delete(method);
    return head.fault;
  };

  const callsTo = (method: string): RecordedCall[] => calls.filter((c) => c.method === method);

  const notifyWaiters = (): void => {
    for (const waiter of waiters) {
      const match = callsTo(waiter.method)[waiter.count - 1];
      if (match !== undefined) {
        waiters.delete(waiter);
        waiter.resolve(match);
      }
    }
  };

  const defaultAnswer = (call: RecordedCall): Record<string, unknown> => {
    const b = call.body;
    switch (call.method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://suita.slack.com/',
          team: STAND_IN_TEAM_NAME,
          user: 'plan-bot',
          team_id: STAND_IN_TEAM_ID,
          user_id: STAND_IN_BOT_USER_ID,
          bot_id: STAND_IN_BOT_ID,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        const { channel, ts } = store(b);
        return { ok: true, channel, ts, message: botMessage(b, ts) };
      }
      case 'conversations.open': {
        // The DM with one person: a stable D… id per user, as Slack gives the same one each time.
        const users = typeof b.users === 'string' ? b.users.split(',') : [];
        if (users.length !== 1 || !/^[UW][A-Z0-9]{2,}$/.test(users[0]!)) return { ok: false, error: 'user_not_found' };
        return { ok: true, channel: { id: dmOf(users[0]!) } };
      }
      case 'conversations.history': {
        // Newest first, like Slack; metadata only when asked for with include_all_metadata.
        const oldest = typeof b.oldest === 'string' ? Number(b.oldest) : 0;
        const withMetadata = b.include_all_metadata === true || b.include_all_metadata === 'true';
        const limit = Number(b.limit ?? 100) || 100;
        const messages = stored
          .filter((msg) => msg.channel === b.channel && Number(msg.ts) > oldest)
          .reverse()
          .slice(0, limit)
          .map((msg) => ({
            type: 'message',
            user: STAND_IN_BOT_USER_ID,
            bot_id: STAND_IN_BOT_ID,
            text: msg.text,
            ts: msg.ts,
            ...(withMetadata && msg.metadata !== undefined ? { metadata: msg.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.update':
        return { ok: true, channel: b.channel, ts: b.ts, text: b.text, message: botMessage(b, b.ts) };
      case 'chat.delete':
        return { ok: true, channel: b.channel, ts: b.ts };
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish': {
        const submitted = isRecord(b.view) ? b.view : {};
        const id = typeof b.view_id === 'string' ? b.view_id : nextViewId();
        return {
          ok: true,
          view: {
            id,
            team_id: STAND_IN_TEAM_ID,
            type: call.method === 'views.publish' ? 'home' : 'modal',
            blocks: [],
            private_metadata: '',
            callback_id: '',
            ...submitted,
            state: { values: {} },
            hash: `${Date.now()}.stand-in`,
            root_view_id: id,
            previous_view_id: null,
            app_id: STAND_IN_APP_ID,
            app_installed_team_id: STAND_IN_TEAM_ID,
            bot_id: STAND_IN_BOT_ID,
          },
        };
      }
      case 'users.info': {
        const id = typeof b.user === 'string' ? b.user : 'U0STAFF';
        return {
          ok: true,
          user: {
            id,
            team_id: STAND_IN_TEAM_ID,
            name: 'staff',
            real_name: '吹田 職員',
            deleted: false,
            is_bot: false,
            tz: 'Asia/Tokyo',
            tz_label: 'Japan Standard Time',
            tz_offset: 32_400,
            // Real Slack only includes `locale` when include_locale=true is sent.
            ...localeField(id, b.include_locale === true || b.include_locale === 'true'),
            profile: { display_name: 'staff', real_name: '吹田 職員' },
          },
        };
      }
      case 'apps.connections.open':
        return { ok: true, url: socketModeUrl };
      case 'files.getUploadURLExternal': {
        fileCounter += 1;
        const fileId = `F${String(fileCounter).padStart(9, '0')}`;
        return { ok: true, upload_url: `${originOf()}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        // Slack accepts only conversation ids here; a user id is refused (bolt-js#2115).
        if (b.channel_id !== undefined && !/^[CGDZ][A-Z0-9]{2,}$/.test(String(b.channel_id))) {
          return { ok: false, error: 'invalid_arguments' };
        }
        const files = Array.isArray(b.files) ? b.files : typeof b.files === 'string' ? (JSON.parse(b.files) as unknown[]) : [];
        return {
          ok: true,
          files: files.filter(isRecord).map((f) => ({
            id: f.id,
            title: f.title,
            size: uploads.get(String(f.id))?.length ?? 0,
          })),
        };
      }
      default:
        return { ok: true };
    }
  };

  const dmOf = (user: string): string => `D${user.replace(/^[UW]/, '')}`;

  /** A post Slack took: a user id as the channel means the bot's DM with that user. */
  const store = (b: Record<string, unknown>): { channel: string; ts: string } => {
    const raw = typeof b.channel === 'string' ? b.channel : '';
    const channel = /^[UW][A-Z0-9]+$/.test(raw) ? dmOf(raw) : raw;
    const ts = nextTs();
    stored.push({
      channel,
      ts,
      text: typeof b.text === 'string' ? b.text : '',
      ...(b.blocks !== undefined ? { blocks: b.blocks } : {}),
      ...(b.metadata !== undefined ? { metadata: b.metadata } : {}),
    });
    return { channel, ts };
  };

  const localeField = (userId: string, asked: boolean): Record<string, string> => {
    if (!asked) return {};
    const locale = userLocales.has(userId) ? userLocales.get(userId) : 'ja-JP';
    return locale === null || locale === undefined ? {} : { locale };
  };

  const answerWebApi = (res: ServerResponse, call: RecordedCall, fault: StandInFault | undefined): void => {
    if (fault !== undefined) {
      if ('accept' in fault) {
        if (call.method === 'chat.postMessage') store(call.body);
        if ('hang' in fault) {
          // No answer ever: the client's timeout (or close()) ends it.
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        sendText(res, 500, 'Internal Server Error');
      } else if ('okFalse' in fault) {
        sendJson(res, 200, { ok: false, error: fault.okFalse });
      } else if (fault.status === 429) {
        sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'Retry-After': String(fault.retryAfterSeconds) });
      } else {
        sendText(res, 500, 'Internal Server Error');
      }
      return;
    }
    const override = answers.get(call.method);
    const body = override === undefined ? defaultAnswer(call) : typeof override === 'function' ? override(call) : override;
    sendJson(res, 200, body);
  };

  const answerResponseUrl = (res: ServerResponse, fault: StandInFault | undefined): void => {
    if (fault === undefined) {
      sendText(res, 200, 'ok');
    } else if ('okFalse' in fault) {
      // response_url is a webhook, not the Web API: failures come back as a
      // non-2xx status with a plain-text reason (e.g. expired_url), which is
      // what makes Bolt's respond() throw.
      sendText(res, 404, fault.okFalse);
    } else if ('retryAfterSeconds' in fault) {
      sendText(res, 429, 'rate_limited', { 'Retry-After': String(fault.retryAfterSeconds) });
    } else {
      sendText(res, 500, 'Internal Server Error');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const parsedUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = parsedUrl.pathname;
    let method: string;
    if (path.startsWith('/api/') && path.length > '/api/'.length) {
      method = decodeURIComponent(path.slice('/api/'.length));
    } else if (path.startsWith('/respond/') && req.method === 'POST') {
      method = 'response_url';
    } else if (path.startsWith('/upload/') && req.method === 'POST') {
      method = 'file_upload';
    } else {
      sendJson(res, 404, { ok: false, error: 'stand_in_unknown_path', path });
      return;
    }

    const raw = await readBody(req);
    if (method === 'file_upload') {
      const fileId = decodeURIComponent(path.slice('/upload/'.length));
      const bytes = await uploadedBytes(raw, req.headers['content-type']);
      const fault = takeFault(method);
      const call: RecordedCall = { method, body: { fileId, bytes }, token: extractToken(req, {}), at: Date.now(), path };
      if (fault !== undefined) call.failed = true;
      else uploads.set(fileId, bytes);
      calls.push(call);
      if (fault === undefined) sendText(res, 200, `OK - ${bytes.length}`);
      else sendText(res, 'status' in fault ? fault.status : 400, 'upload failed');
      notifyWaiters();
      return;
    }
    const body: Record<string, unknown> = {};
    for (const [k, v] of parsedUrl.searchParams) body[k] = v;
    Object.assign(body, await parseBody(raw, req.headers['content-type']));

    const call: RecordedCall = { method, body, token: extractToken(req, body), at: Date.now(), path };
    const fault = takeFault(method);
    if (fault !== undefined) call.failed = true;
    calls.push(call);

    if (method === 'response_url') answerResponseUrl(res, fault);
    else answerWebApi(res, call, fault);
    notifyWaiters();
  };

  let originOf = (): string => '';
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A stand-in bug must surface as a loud 500 rather than a hung client.
      if (!res.headersSent) sendText(res, 500, `stand-in error: ${String(err)}`);
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  originOf = () => origin;

  let closing: Promise<void> | undefined;

  return {
    url: `${origin}/api/`,
    origin,
    responseUrl(id?: string): string {
      responseUrlCounter += 1;
      return `${origin}/respond/${encodeURIComponent(id ?? `r${responseUrlCounter}`)}`;
    },
    calls,
    callsTo,
    waitForCall(method: string, opts: WaitForCallOptions = {}): Promise<RecordedCall> {
      const count = opts.count ?? 1;
      const timeoutMs = opts.timeoutMs ?? 3000;
      const already = callsTo(method)[count - 1];
      if (already !== undefined) return Promise.resolve(already);
      return new Promise<RecordedCall>((resolve, reject) => {
        const waiter: Waiter = {
          method,
          count,
          resolve: (call) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = summarise(calls);
          reject(
            new Error(
              `waitForCall('${method}', count ${count}) timed out after ${timeoutMs} ms: ` +
                `saw ${callsTo(method).length} such call(s); methods seen: ${seen || '(none)'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(method: string, times: number, fault: StandInFault): void {
      if (!Number.isInteger(times) || times < 1) throw new Error(`failNext: times must be a positive integer, got ${times}`);
      const queue = faults.get(method) ?? [];
      queue.push({ remaining: times, fault });
      faults.set(method, queue);
    },
    setAnswer(method: string, answer: StandInAnswer): void {
      answers.set(method, answer);
    },
    setSocketModeUrl(url: string): void {
      socketModeUrl = url;
    },
    messagesIn(channel: string): StoredMessage[] {
      return stored.filter((msg) => msg.channel === channel);
    },
    setUserLocale(userId: string, locale: string | null): void {
      userLocales.set(userId, locale);
    },
    reset(): void {
      calls.length = 0;
      faults.clear();
      answers.clear();
      stored.length = 0;
      userLocales.clear();
      socketModeUrl = DEFAULT_SOCKET_MODE_URL;
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from fetch/undici would otherwise hold close() open.
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** The file's bytes: sent raw, or as the one file field of a multipart form. */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (contentType?.toLowerCase().startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    for (const [, v] of form) if (typeof v !== 'string') return Buffer.from(await v.arrayBuffer());
  }
  return raw;
}

function summarise(calls: RecordedCall[]): string {
  const counts = new Map<string, number>();
  for (const c of calls) counts.set(c.method, (counts.get(c.method) ?? 0) + 1);
  return [...counts].map(([m, n]) => `${m}×${n}`).join(', ');
}

function botMessage(b: Record<string, unknown>, ts: unknown): Record<string, unknown> {
  return {
    type: 'message',
    user: STAND_IN_BOT_USER_ID,
    bot_id: STAND_IN_BOT_ID,
    app_id: STAND_IN_APP_ID,
    team: STAND_IN_TEAM_ID,
    text: typeof b.text === 'string' ? b.text : '',
    ts,
    ...(b.blocks !== undefined ? { blocks: b.blocks } : {}),
    ...(b.attachments !== undefined ? { attachments: b.attachments } : {}),
    ...(b.thread_ts !== undefined ? { thread_ts: b.thread_ts } : {}),
    ...(b.metadata !== undefined ? { metadata: b.metadata } : {}),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function extractToken(req: IncomingMessage, body: Record<string, unknown>): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (m?.[1] !== undefined) return m[1];
  }
  return typeof body.token === 'string' ? body.token : undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentTypeHeader: string | undefined): Promise<Record<string, unknown>> {
  if (raw.length === 0) return {};
  const contentType = (contentTypeHeader ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = raw.toString('utf8');

  if (contentType === 'application/x-www-form-urlencoded') {
    return decodeJsonFields(Object.fromEntries(new URLSearchParams(text)));
  }
  if (contentType === 'multipart/form-data' && contentTypeHeader !== undefined) {
    // Files uploads arrive as multipart; the Fetch API's parser saves writing one.
    const form = await new Response(raw, { headers: { 'content-type': contentTypeHeader } }).formData();
    const out: Record<string, unknown> = {};
    for (const [k, v] of form) {
      out[k] = typeof v === 'string' ? v : { filename: v.name, size: v.size, type: v.type };
    }
    return decodeJsonFields(out);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : { _json: parsed };
  } catch {
    // Neither form nor JSON: keep it visible to the test rather than dropping it.
    return { _raw: text };
  }
}

function decodeJsonFields(fields: Record<string, unknown>): Record<string, unknown> {
  for (const key of JSON_FORM_FIELDS) {
    const v = fields[key];
    if (typeof v !== 'string') continue;
    try {
      fields[key] = JSON.parse(v);
    } catch {
      // Leave malformed JSON as the raw string so the test can see what was sent.
    }
  }
  return fields;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
