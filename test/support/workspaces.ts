/**
 * Many workspaces through the real Bolt receiver (#18): installing one through Slack's OAuth
 * flow (the stand-in plays oauth.v2.access), and requests signed as coming from a given team.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestBot } from './plan-bot.ts';
import { TEST_SIGNING_SECRET } from './plan-bot.ts';
import { interactionBody, postSigned, slashCommandBody, type SignedResponse } from './signed-request.ts';

export interface TestWorkspace {
  teamId: string;
  name: string;
  installer: string;
  /** The bot token the stand-in hands this workspace at install. */
  token: string;
  enterpriseId?: string;
  /** Installed org-wide: the workspace is the enterprise. */
  orgWide?: boolean;
}

export function workspace(teamId: string, name: string, installer: string, extra: Partial<TestWorkspace> = {}): TestWorkspace {
  return { teamId, name, installer, token: `xoxb-${teamId.toLowerCase()}-${randomBytes(4).toString('hex')}`, ...extra };
}

/**
 * What the stand-in's oauth.v2.access answers for each code: the workspace installing. With
 * `once`, as Slack does, a code exchanged already is refused (`invalid_code`).
 */
export function answerOAuth(t: TestBot, byCode: Map<string, TestWorkspace>, options: { once?: boolean } = {}): void {
  const used = new Set<string>();
  t.standIn.setAnswer('oauth.v2.access', (call) => {
    const code = String(call.body.code);
    const w = byCode.get(code);
    if (!w || (options.once && used.has(code))) return { ok: false, error: 'invalid_code' };
    used.add(code);
    return {
      ok: true,
      app_id: 'A0PLANBOT',
      authed_user: { id: w.installer },
      scope: 'commands,chat:write',
      token_type: 'bot',
      access_token: w.token,
      bot_user_id: 'UBOT',
      team: w.orgWide ? null : { id: w.teamId, name: w.name },
      enterprise: w.enterpriseId ? { id: w.enterpriseId, name: `${w.name} org` } : null,
      is_enterprise_install: w.orgWide === true,
    };
  });
}

export interface InstallAttempt {
  /** Where /slack/install sent the browser (Slack's consent page). */
  authorizeUrl: URL;
  callback: { status: number; body: string };
}

/** A person installs the app: GET /slack/install, then Slack sends the browser back with `code`. */
export async function install(t: TestBot, code: string, options: { forgeState?: boolean; dropCookie?: boolean } = {}): Promise<InstallAttempt> {
  const origin = new URL(t.eventsUrl).origin;
  const start = await fetch(`${origin}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorizeUrl = new URL(start.headers.get('location')!);
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const state = options.forgeState ? 'forged-state' : authorizeUrl.searchParams.get('state')!;
  const back = await fetch(`${origin}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, {
    redirect: 'manual',
    headers: options.dropCookie ? {} : { cookie },
  });
  return { authorizeUrl, callback: { status: back.status, body: await back.text() } };
}

/** `/plan <text>` typed in workspace `w` by `userId`. */
export function slashIn(t: TestBot, w: TestWorkspace, text: string, userId: string, responseUrl = t.standIn.responseUrl()): Promise<SignedResponse> {
  const params = new URLSearchParams(slashCommandBody({ text, user_id: userId, response_url: responseUrl, team_id: w.teamId }));
  if (w.enterpriseId) params.set('enterprise_id', w.enterpriseId);
  params.set('is_enterprise_install', w.orgWide ? 'true' : 'false');
  return postSigned(t.eventsUrl, params.toString(), { signingSecret: TEST_SIGNING_SECRET });
}

/** A block_actions or view_submission payload, moved into workspace `w`. */
export function interactionIn(t: TestBot, w: TestWorkspace, payload: Record<string, unknown>): Promise<SignedResponse> {
  const team = { id: w.teamId, domain: w.name.toLowerCase() };
  const user = { ...(payload.user as object), team_id: w.teamId };
  const view = payload.view ? { ...(payload.view as object), team_id: w.teamId, app_installed_team_id: w.teamId } : undefined;
  const moved = {
    ...payload,
    team,
    user,
    ...(view ? { view } : {}),
    enterprise: w.enterpriseId ? { id: w.enterpriseId, name: 'org' } : null,
    is_enterprise_install: w.orgWide === true,
  };
  return postSigned(t.eventsUrl, interactionBody(moved), { signingSecret: TEST_SIGNING_SECRET });
}

/** An Events API delivery from workspace `w`. */
export function eventIn(t: TestBot, w: TestWorkspace, event: Record<string, unknown>): Promise<SignedResponse> {
  const body = JSON.stringify({
    token: 'verification-token',
    team_id: w.teamId,
    ...(w.enterpriseId ? { enterprise_id: w.enterpriseId } : {}),
    api_app_id: 'A0PLANBOT',
    event: { event_ts: `${Date.now() / 1000}`, ...event },
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    is_ext_shared_channel: false,
    authorizations: [
      { enterprise_id: w.enterpriseId ?? null, team_id: w.orgWide ? null : w.teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: w.orgWide === true },
    ],
  });
  return postSigned(t.eventsUrl, body, { signingSecret: TEST_SIGNING_SECRET });
}
