import type { RespondFn, webApi } from '@slack/bolt';
import { PostFailure } from '../../../commands/alerts/publish.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { buildExportModel } from '../../../commands/export/build.ts';
import { planFileOf } from '../../../commands/export/plan-file.ts';
import type { CommandResult } from '../../../commands/results.ts';
import { messagesFor } from '../../messages/index.ts';
import { exportFileName, exportLabelsFor, exportWords, renderModelFile, renderPlanFile } from '../../render/export/file.ts';
import { openDirectMessage } from '../../slack-web/open-dm.ts';
import { uploadFile } from '../../slack-web/upload-file.ts';
import type { SlackDeps } from '../deps.ts';
import { respondReliably } from '../respond.ts';

export type ExportRequest = Extract<CommandResult, { kind: 'export' }>;

/**
 * `/plan export xlsx`, after the ack that said 作成中…: builds the file, opens the person's DM
 * with the bot and uploads it there (files upload v2), then says where it went. Whatever fails
 * is said privately on the response_url with the reason: never silence.
 */
export async function deliverExport(options: {
  client: webApi.WebClient;
  deps: SlackDeps;
  ctx: CommandContext;
  request: ExportRequest;
  userId: string;
  respond: RespondFn;
}): Promise<void> {
  const { client, deps, request, userId, respond } = options;
  const m = messagesFor(deps.config.locale);
  const e = m.exchange.export;
  const ctx = { ...options.ctx, plan: request.plan };
  const what = e.formatName[request.format];
  const say = async (text: string) => {
    const delivered = await respondReliably(respond, { response_type: 'ephemeral', text }, deps.logger);
    if (!delivered) throw new Error('the answer to /plan export was not accepted');
  };

  let filename: string;
  try {
    const bytes =
      request.format === 'json'
        ? renderPlanFile(await planFileOf(ctx.db, request.plan))
        : await renderModelFile(
            request.format,
            await buildExportModel(ctx, { fiscalYear: request.fiscalYear, words: exportWords(m) }),
            exportLabelsFor(m),
          );
    filename = exportFileName(request.format, request.plan.code, ctx.today, request.fiscalYear);
    const channelId = await openDirectMessage(client, userId);
    await uploadFile(client, {
      bytes,
      filename,
      title: e.title(request.plan.name, what, m.fiscalYear(request.fiscalYear)),
      channelId,
      initialComment: e.comment(request.plan.name, what, m.date(ctx.today)),
    });
  } catch (error) {
    const reason = error instanceof PostFailure ? e.reason(error.kind === 'rate_limited' ? 'rate_limited' : error.detail) : null;
    deps.logger.error(`/plan export ${request.format} failed: ${error instanceof PostFailure ? error.detail : String(error)}`);
    await say(reason === null ? m.errors.internal : e.failed(reason));
    return;
  }
  await say(e.sent(filename));
}
