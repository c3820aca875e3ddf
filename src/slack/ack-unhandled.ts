import type { App, Logger } from '@slack/bolt';

type ProcessEvent = App['processEvent'];
type ReceiverEvent = Parameters<ProcessEvent>[0];

/**
 * Bolt leaves a request no listener took (an action id, a view or a command the bot does not
 * know) unacknowledged, and the HTTP receiver answers 404 after three seconds; meanwhile
 * Slack shows the person an error. Wrapping the app's entry point: once every listener has
 * run, a request nobody acknowledged is acknowledged empty, at once. A failure inside is
 * logged, never thrown back into the receiver.
 */
export function ackUnhandled(app: App, logger: Logger): void {
  const processEvent: ProcessEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    let acked = false;
    const ack = event.ack;
    const tracked: ReceiverEvent = {
      ...event,
      ack: async (response) => {
        acked = true;
        return ack(response);
      },
    };
    try {
      await processEvent(tracked);
    } catch (error) {
      logger.error('a request could not be processed:', error);
    } finally {
      if (!acked) {
        acked = true;
        await ack().catch((error: unknown) => logger.warn('a late acknowledgement failed:', error));
      }
    }
  };
}
