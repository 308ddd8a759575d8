// One sync at a time per mailbox. A request made while a sync runs gets the next one, which starts when the current
// one ends and serves every request made meanwhile: a burst of notifications costs one extra sync, not one each.
export class SerialRunner<R> {
  private current: Promise<R> | undefined;
  private next: Promise<R> | undefined;

  constructor(private readonly task: () => Promise<R>) {}

  get isRunning(): boolean {
    return this.current !== undefined;
  }

  run(): Promise<R> {
    if (!this.current) return this.start();
    this.next ??= this.current.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.next;
  }

  private startQueued(): Promise<R> {
    this.next = undefined;
    return this.start();
  }

  private start(): Promise<R> {
    const running = this.task();
    this.current = running;
    const clear = (): void => {
      if (this.current === running) this.current = undefined;
    };
    running.then(clear, clear);
    return running;
  }
}
