import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { actionPlanNumber } from '../../../../commands/grammar.ts';
import { messagesFor } from '../../../messages/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { buttonFailure, readButtonValue } from '../../button-value.ts';
import { openFigureForm } from '../../record-figure/open-form.ts';

/** `13:45:2023` → action plan 13, indicator 45, FY2023: what the Home tab's button carries. */
export const homeFigureValue = z
  .string()
  .regex(/^\d{1,3}:\d{1,10}:\d{4}$/)
  .transform((s) => s.split(':') as [string, string, string])
  .pipe(
    z.tuple([
      actionPlanNumber,
      z.string().transform(Number).pipe(z.number().int().min(1).max(2 ** 31 - 1)),
      z.string().transform(Number).pipe(z.number().int().min(1900).max(2100)),
    ]),
  )
  .transform(([number, indicatorId, fiscalYear]) => ({ number, indicatorId, fiscalYear }));

/**
 * 実績を入力 beside a due figure on the Home tab: the same form as `/plan report 13`, opened on
 * that indicator and year. The Home tab has no response_url, so anything that is not a form
 * (a refusal, a plan gone) is said in the person's DM.
 */
export function homeRecordFigureCallback(deps: SlackDeps) {
  return async ({ ack, body, action, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const userId = body.user.id;
    try {
      const { number, indicatorId, fiscalYear } = readButtonValue(homeFigureValue, action);
      await openFigureForm({
        client,
        triggerId: body.trigger_id,
        actionPlanNumber: number,
        userId,
        deps,
        respond: null,
        choice: { indicatorId, fiscalYear },
      });
    } catch (error) {
      const sorry = buttonFailure(error, 'the Home tab’s record button could not be answered', deps.logger, messagesFor(deps.config.locale));
      await client.chat.postMessage({ channel: userId, ...sorry }).catch(() => undefined);
    }
  };
}
