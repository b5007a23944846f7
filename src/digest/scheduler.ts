// The in-process scheduler: checks every minute (and once at start, so a digest missed earlier today goes out).
import { Cron } from "croner";
import { deliverDue, type DeliverDeps } from "./deliver.js";

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(deps: DeliverDeps): Scheduler {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    // One check at a time: a slow Slack must not let two checks post the same digest.
    running = running
      .then(() => deliverDue(deps))
      .catch((error) => deps.log(`digest check failed: ${(error as Error).message}`));
    return running;
  };
  const job = new Cron("* * * * *", { protect: true }, () => void tick());
  void tick();
  return {
    async stop() {
      job.stop();
      await running;
    },
  };
}
