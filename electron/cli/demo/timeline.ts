// The demo's clock: things people do, run in time order. A task may schedule later tasks (an
// approval the day after a request); the earliest waiting task always runs next.

export class Timeline {
  private readonly tasks: { at: number; seq: number; run(): void }[] = [];
  private seq = 0;

  /** `until`: tasks after this instant are dropped (they have not happened yet). */
  constructor(private readonly until: number) {}

  at(ms: number, run: () => void): void {
    if (ms <= this.until) this.tasks.push({ at: ms, seq: this.seq++, run });
  }

  run(): void {
    const { tasks } = this;
    while (tasks.length) {
      let next = 0;
      for (let i = 1; i < tasks.length; i++) if (tasks[i]!.at < tasks[next]!.at || (tasks[i]!.at === tasks[next]!.at && tasks[i]!.seq < tasks[next]!.seq)) next = i;
      const [task] = tasks.splice(next, 1);
      task!.run();
    }
  }
}
