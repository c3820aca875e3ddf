import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

type Listener<A> = (args: A & AllMiddlewareArgs) => Promise<void>;
type EventType = SlackEventMiddlewareArgs['event']['type'];

/**
 * The bot's listeners, each found by one Map lookup on what the request is (a command's name, a
 * button's action_id, a modal's callback_id, an event's type).
 *
 * Bolt's own `app.action(…)` listeners are matched one by one: for every request,
 * App.processEvent runs every listener's matchers through a middleware chain of its own, so a
 * `/plan 13` paid for the bot's 20 buttons, modals and events before its answer. Under load that
 * matching was the largest share of the CPU plan-bot spent beyond bare Bolt (a CPU profile,
 * docs/operations.md). Here the listeners are registered the same way, by kind and id, and run
 * from one middleware; a request none is for goes on down Bolt's chain (and is acknowledged
 * empty, src/slack/ack-unhandled.ts).
 */
export class Routes {
  private readonly commands = new Map<string, Listener<SlackCommandMiddlewareArgs>>();
  private readonly actions = new Map<string, Listener<SlackActionMiddlewareArgs<BlockAction>>>();
  private readonly views = new Map<string, Listener<SlackViewMiddlewareArgs<ViewSubmitAction>>>();
  private readonly events = new Map<string, Listener<SlackEventMiddlewareArgs>>();

  command(name: string, listener: Listener<SlackCommandMiddlewareArgs>): void {
    add(this.commands, name, listener, 'command');
  }

  /** A block_actions listener (a button or a select) by its action_id. */
  action<A extends BlockAction>(actionId: string, listener: Listener<SlackActionMiddlewareArgs<A>>): void {
    add(this.actions, actionId, listener as Listener<SlackActionMiddlewareArgs<BlockAction>>, 'action');
  }

  /** A modal's view_submission listener by its callback_id. */
  view(callbackId: string, listener: Listener<SlackViewMiddlewareArgs<ViewSubmitAction>>): void {
    add(this.views, callbackId, listener, 'view');
  }

  event<T extends EventType>(type: T, listener: Listener<SlackEventMiddlewareArgs<T>>): void {
    add(this.events, type, listener as Listener<SlackEventMiddlewareArgs>, 'event');
  }

  /** The listener this request is for, if any. */
  listenerFor(body: unknown): ((args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>) | undefined {
    const b = body as RoutedBody;
    let found: unknown;
    if (typeof b.command === 'string') found = this.commands.get(b.command);
    else if (b.type === 'block_actions') found = this.actions.get(b.actions?.[0]?.action_id ?? '');
    else if (b.type === 'view_submission') found = this.views.get(b.view?.callback_id ?? '');
    else if (b.type === 'event_callback') found = this.events.get(b.event?.type ?? '');
    return found as ((args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>) | undefined;
  }

  /** Bolt middleware, the last of the app's: runs the request's listener, or passes it on. */
  readonly middleware: Middleware<AnyMiddlewareArgs> = (args) => {
    const listener = this.listenerFor(args.body);
    return listener ? listener(args) : args.next();
  };
}

interface RoutedBody {
  command?: unknown;
  type?: unknown;
  actions?: { action_id?: string }[];
  view?: { callback_id?: string };
  event?: { type?: string };
}

function add<L>(table: Map<string, L>, key: string, listener: L, kind: string): void {
  // Bolt would run both; a second listener for one id is a mistake in the registration.
  if (table.has(key)) throw new Error(`two listeners for the ${kind} ${key}`);
  table.set(key, listener);
}
