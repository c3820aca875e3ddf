/**
 * Work Slack has already been told about (acked) but that is still running, such as an
 * answer on its way to the response_url. Shutdown waits for it, so a deploy does not
 * swallow answers that were promised.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return work;
  }

  /** Resolves true once nothing is running, or false if `timeoutMs` passes first. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const emptied = (async () => {
      // Work may start while earlier work finishes, so look again until the set stays empty.
      while (this.running.size > 0) await Promise.all([...this.running]);
      return true as const;
    })();
    try {
      return await Promise.race([emptied, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
