/** What became of work raced against a deadline: its value, or the promise still running. */
export type Raced<T> = { inTime: true; value: T } | { inTime: false; later: Promise<T> };

/**
 * Waits for `work` at most `deadlineMs`. Slack drops a slash command that is not
 * acknowledged within 3 seconds, so an answer that is ready in time goes in the
 * acknowledgement itself, and one that is not is acknowledged without it and follows.
 *
 * Only work that yields can be overtaken: a synchronous stretch (a long SQLite query) holds
 * the clock back too, so what may run long must be written to await between steps.
 *
 * Nearly every answer is ready within a millisecond, so no timer is set per request: one
 * shared sweep (every SWEEP_MS while anything waits) calls time on what is overdue. A
 * deadline is therefore met within SWEEP_MS after it, never before.
 */
export function raceDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<Raced<T>> {
  return new Promise<Raced<T>>((resolve, reject) => {
    const entry: Waiting = { at: performance.now() + deadlineMs, late: () => resolve({ inTime: false, later: work }) };
    waiting.add(entry);
    sweepWhileWaiting();
    work.then(
      (value) => {
        if (waiting.delete(entry)) resolve({ inTime: true, value });
      },
      (error: unknown) => {
        if (waiting.delete(entry)) reject(error);
      },
    );
  });
}

export const SWEEP_MS = 25;

const RECEIVED_AT = 'planReceivedAt';

/** Marks when a request reached the bot (the app's first middleware), for `elapsedSince`. */
export function markReceived(context: Record<string, unknown>): void {
  context[RECEIVED_AT] = performance.now();
}

/** Milliseconds since the request was marked received; 0 when it was not. */
export function elapsedSince(context: Record<string, unknown>): number {
  const at = context[RECEIVED_AT];
  return typeof at === 'number' ? performance.now() - at : 0;
}

interface Waiting {
  at: number;
  late: () => void;
}

const waiting = new Set<Waiting>();
let sweeper: NodeJS.Timeout | undefined;

function sweepWhileWaiting(): void {
  if (sweeper) return;
  sweeper = setInterval(() => {
    const now = performance.now();
    for (const entry of waiting) {
      if (entry.at <= now) {
        waiting.delete(entry);
        entry.late();
      }
    }
    // Stopped only after a whole quiet sweep, so a steady stream of requests keeps one timer.
    if (waiting.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }, SWEEP_MS);
  // Waiting for an answer must not keep a stopping process alive: the work itself does.
  sweeper.unref();
}
