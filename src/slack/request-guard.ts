import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger } from '@slack/bolt';
import { z } from 'zod';

/**
 * What stands in front of Bolt's HTTP receiver on POST /slack/events, and the one place its
 * signature is checked (Bolt's own check is turned off, receivers.ts). Bolt trusts the body's
 * shape: a signed `payload=null` threw inside its receiver and ended the process, and payloads
 * missing `view`, `user` or `event` made it answer 500. Here every request is read (up to the body limit), its timestamp and
 * signature checked, and its body parsed the way Bolt will parse it and checked for the
 * fields Bolt reads, before Bolt sees it:
 *   413  body over the limit;
 *   401  no signature, a wrong one, or a timestamp more than five minutes off either way
 *        (Bolt refuses only old ones, so a request signed for a future time would stay
 *        replayable for as long);
 *   400  a body that is not an object, or lacks what its type needs.
 * Bolt then reads the body already buffered here (it honours `req.rawBody`).
 */

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface RequestGuardOptions {
  signingSecret: string;
  path: string;
  bodyLimit: number;
  logger: Logger;
  /** Wall-clock milliseconds (Slack's timestamps are real time, not the bot's business clock). */
  now?: () => number;
}

// Only whether a body passes is used, never the parsed copy, so plain objects: they accept the
// fields not named as loose ones do, and check a slash command about five times faster.
const userRef = z.object({ id: z.string().min(1) });
const interactionShapes: Record<string, z.ZodType> = {
  block_actions: z.object({
    user: userRef,
    actions: z.array(z.object({ action_id: z.string() })).min(1),
    view: z.object({ id: z.string() }).optional(),
  }),
  view_submission: z.object({ user: userRef, view: z.object({ id: z.string(), callback_id: z.string() }) }),
  view_closed: z.object({ user: userRef, view: z.object({ id: z.string(), callback_id: z.string() }) }),
  shortcut: z.object({ user: userRef, callback_id: z.string() }),
  message_action: z.object({ user: userRef, callback_id: z.string() }),
  block_suggestion: z.object({ user: userRef, action_id: z.string() }),
  event_callback: z.object({ event: z.object({ type: z.string() }) }),
  url_verification: z.object({ challenge: z.string() }),
};
const slashCommand = z.object({
  command: z.string(),
  text: z.string(),
  user_id: z.string().min(1),
  response_url: z.string().optional(),
  trigger_id: z.string().optional(),
});

/** What is wrong with a parsed body, or null when Bolt can take it. */
export function bodyProblem(body: unknown, form: boolean): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not an object';
  const record = body as Record<string, unknown>;
  if (form && record.command !== undefined) {
    return slashCommand.safeParse(record).success ? null : 'a slash command without its fields';
  }
  if (record.type !== undefined && typeof record.type !== 'string') return 'a type that is not text';
  const shape = typeof record.type === 'string' ? interactionShapes[record.type] : undefined;
  if (shape && !shape.safeParse(record).success) return `a ${record.type} without the fields it needs`;
  return null;
}

export function guardRequests(listener: Listener, options: RequestGuardOptions): Listener {
  const now = options.now ?? Date.now;
  const refuse = (res: ServerResponse, status: number, why: string) => {
    options.logger.warn(`refused a request to ${options.path} with ${status}: ${why}`);
    if (!res.headersSent) {
      res.writeHead(status, status === 413 ? { connection: 'close' } : {});
      res.end();
    }
  };

  const screen = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const raw = await readBody(req, options.bodyLimit);
    if (raw === null) {
      refuse(res, 413, `body over ${options.bodyLimit} bytes`);
      return false;
    }
    const text = raw.toString('utf8');
    const form = req.headers['content-type'] === 'application/x-www-form-urlencoded';
    const fields = form ? parseQuery(text) : undefined;
    // Slack's SSL check carries no signature; Bolt answers it and keeps nothing else of the body.
    if (fields?.ssl_check === '1') return pass(req, raw);

    const timestamp = header(req, 'x-slack-request-timestamp');
    const signature = header(req, 'x-slack-signature');
    if (timestamp === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp)) {
      refuse(res, 401, 'no signature');
      return false;
    }
    const skew = Math.abs(now() / 1000 - Number(timestamp));
    if (skew > SIGNATURE_WINDOW_SECONDS) {
      refuse(res, 401, `its timestamp is ${Math.round(skew)} s off, more than ${SIGNATURE_WINDOW_SECONDS} s`);
      return false;
    }
    if (!signatureMatches(options.signingSecret, timestamp, text, signature)) {
      refuse(res, 401, 'the signature does not match');
      return false;
    }

    let body: unknown;
    try {
      body = fields === undefined ? JSON.parse(text) : typeof fields.payload === 'string' ? JSON.parse(fields.payload) : fields;
    } catch {
      refuse(res, 400, 'the body is not JSON');
      return false;
    }
    const problem = bodyProblem(body, fields !== undefined && typeof fields.payload !== 'string');
    if (problem) {
      refuse(res, 400, problem);
      return false;
    }
    return pass(req, raw);
  };

  return (req, res) => {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      path = '';
    }
    // Bolt's own test (HTTPReceiver): the endpoint by its pathname, the method in capitals. Bolt
    // no longer checks the signature itself, so no request to it may go round this one.
    if (req.method?.toUpperCase() !== 'POST' || path !== options.path) {
      listener(req, res);
      return;
    }
    screen(req, res).then(
      (ok) => {
        if (ok) listener(req, res);
      },
      (error: unknown) => {
        // Nothing a request does may end the process.
        options.logger.error('a request could not be screened:', error);
        if (!res.headersSent) {
          res.writeHead(500);
          res.end();
        }
      },
    );
  };
}

function pass(req: IncomingMessage, raw: Buffer): true {
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  return true;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`, compared in constant time. */
export function signatureMatches(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The whole body, or null as soon as it passes `limit` bytes (the rest is read and dropped). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Not destroyed: the socket must stay open for the 413.
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
