import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Routes } from '../../routes.ts';
import type { z } from 'zod';
import type { CommandContext } from '../../../../commands/context.ts';
import type { CommandResult } from '../../../../commands/results.ts';
import { reviewSheet, reviewSummary } from '../../../../commands/review/read.ts';
import { messagesFor } from '../../../messages/index.ts';
import { renderMessage } from '../../../render/blocks/index.ts';
import { REVIEW_ACTION_IDS, REVIEW_BLOCK_IDS } from '../../../render/blocks/review-ids.ts';
import { contextFor } from '../../actor.ts';
import type { SlackDeps } from '../../deps.ts';
import { perWorkspace } from '../../workspaces.ts';
import { buttonFailure, readButtonValue } from '../../button-value.ts';
import { respondReliably } from '../../respond.ts';
import { openReviewForm } from '../../review/open-forms.ts';
import { yearAndNumber, yearOnly } from '../../review/submission.ts';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * The review's buttons: moving between the summary's pages and the sheets (the answer is
 * replaced in place, so the conversation does not fill with copies), and opening the two
 * modals. A button on a notice DM answers beside the notice and keeps it.
 */
export function registerReviewActions(routes: Routes): void {
  const byWorkspace = new WeakMap<SlackDeps, Map<string, (args: ButtonArgs) => Promise<void>>>();
  for (const actionId of [...new Set(Object.values(REVIEW_ACTION_IDS))]) {
    routes.action<BlockButtonAction>(
      actionId,
      perWorkspace((deps) => {
        let handlers = byWorkspace.get(deps);
        if (!handlers) byWorkspace.set(deps, (handlers = reviewButtons(deps)));
        return handlers.get(actionId)!;
      }),
    );
  }
}

/** Each review button's listener, for one workspace. */
function reviewButtons(deps: SlackDeps): Map<string, (args: ButtonArgs) => Promise<void>> {
  const handlers = new Map<string, (args: ButtonArgs) => Promise<void>>();
  const on = (actionId: string, handle: (args: ButtonArgs) => Promise<void>) =>
    handlers.set(actionId, async (args) => {
      await args.ack();
      try {
        await handle(args);
      } catch (error) {
        const sorry = buttonFailure(error, `the review button ${actionId} could not be answered`, deps.logger, messagesFor(deps.config.locale));
        await respondReliably(args.respond, { response_type: 'ephemeral', replace_original: false, ...sorry }, deps.logger);
      }
    });

  const show = async (args: ButtonArgs, read: (ctx: CommandContext) => Promise<CommandResult>) => {
    const m = messagesFor(deps.config.locale);
    const message = renderMessage(await read(contextFor(deps, args.body.user.id)), m, { userId: args.body.user.id });
    const fromNotice = args.action.block_id === REVIEW_BLOCK_IDS.noticeActions;
    const delivered = await respondReliably(
      args.respond,
      { response_type: 'ephemeral', replace_original: !fromNotice, ...message },
      deps.logger,
    );
    if (!delivered) throw new Error(`the answer to the review button ${args.action.action_id} was not accepted`);
  };

  // The values are ours (written by the renderer), but they arrive over the wire.
  const parsed = <T>(schema: z.ZodType<T>, args: ButtonArgs): T => readButtonValue(schema, args.action);

  on(REVIEW_ACTION_IDS.openSheet, (args) => {
    const { fiscalYear, number } = parsed(yearAndNumber, args);
    return show(args, (ctx) => reviewSheet(ctx, fiscalYear, number));
  });
  on(REVIEW_ACTION_IDS.summary, (args) => {
    const fiscalYear = parsed(yearOnly, args);
    return show(args, (ctx) => reviewSummary(ctx, fiscalYear, 1));
  });
  for (const actionId of [REVIEW_ACTION_IDS.previousPage, REVIEW_ACTION_IDS.nextPage]) {
    on(actionId, (args) => {
      const { fiscalYear, number: page } = parsed(yearAndNumber, args);
      return show(args, (ctx) => reviewSummary(ctx, fiscalYear, page));
    });
  }
  for (const kind of ['assess', 'respond'] as const) {
    on(REVIEW_ACTION_IDS[kind], (args) => {
      const { fiscalYear, number } = parsed(yearAndNumber, args);
      return openReviewForm(kind, {
        client: args.client,
        triggerId: args.body.trigger_id,
        fiscalYear,
        actionPlanNumber: number,
        userId: args.body.user.id,
        deps,
        respond: args.respond,
      });
    });
  }
  return handlers;
}
