/**
 * Work Slack has already been told about (acked) but that is still running, such as an
 * answer on its way to the response_url. Shutdown waits for it, so a deploy does not
 * swallow answers that were promised.
 *
 * Every request passes through here, so it is a count and one continuation per request
 * (a set of derived promises cost each request several, #14); a drain waits for the count
 * to reach zero, which it does only once work that started meanwhile has finished too.
 */
export class InFlight {
  private running = 0;
  private readonly whenIdle: (() => void)[] = [];

  get size(): number {
    return this.running;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running += 1;
    const settled = () => {
      this.running -= 1;
      if (this.running === 0) for (const idle of this.whenIdle.splice(0)) idle();
    };
    work.then(settled, settled);
    return work;
  }

  /** Resolves true once nothing is running, or false if `timeoutMs` passes first. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const emptied = new Promise<true>((resolve) => this.whenIdle.push(() => resolve(true)));
    try {
      return await Promise.race([emptied, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
