/**
 * A background task run at once on start() and again `everyMs` after each run ends, until stop(). A failed run is
 * reported to `onError` and the next one comes as usual; stop() waits for the run in progress. The timer does not
 * keep the process alive. Shared by the schedulers that poll the database (monthly reports, automatic urging, staff
 * e-mails).
 */
export class Periodic {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly everyMs: number,
    private readonly onError: (e: Error) => void,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.task()
        .catch((e: unknown) => this.onError(e as Error))
        .finally(() => {
          this.running = null;
          this.schedule(this.everyMs);
        });
    }, ms);
    this.timer.unref?.();
  }
}
