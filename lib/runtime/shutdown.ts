import "server-only";
import { closeDatabase } from "@/lib/db";
import { startedRuntime } from "./index";
import { getLogger } from "@/lib/log";

/**
 * Stops this instance cleanly: it says so (health turns 503, so a proxy stops sending
 * traffic), takes no more jobs, lets calls in flight finish for up to `deadlineMs`, hands
 * back what did not finish (queued again if it never left, "sin confirmar" if it may have),
 * fails its remaining jobs so another instance retries them, leaves, and closes the database.
 */
export async function shutdownRuntime(deadlineMs: number): Promise<void> {
  const starting = startedRuntime();
  const runtime = starting ? await starting.catch(() => undefined) : undefined;
  if (runtime) {
    const { instance, queue, iva, clientImport, mail } = runtime;
    await instance.markStopping();
    await queue.stopTaking();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
    const finishing = Promise.allSettled([
      runtime.drained(),
      ...iva.running(),
      ...clientImport.running(),
      // An email being handed to the SMTP server: stopped now, another instance would send
      // it again, since the row is marked sent only once the server has it.
      ...mail.running(),
    ]);
    await Promise.race([finishing, deadline]);
    clearTimeout(timer);
    await iva.handBack();
    await queue.stop();
    await instance.leave();
  }
  await closeDatabase();
}

/**
 * Takes SIGTERM and SIGINT over from `next start` (whose own handler exits as soon as HTTP
 * requests end, with jobs and calls still running): shuts down, then exits.
 */
export function handleTermination(deadlineMs: number): void {
  const globalForSignals = globalThis as { tableroSignals?: boolean };
  if (globalForSignals.tableroSignals) return;
  globalForSignals.tableroSignals = true;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    getLogger().info({ event: "instance.stopping", signal, deadlineMs }, "Stopping");
    shutdownRuntime(deadlineMs)
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        getLogger().error({ event: "instance.stop_failed", err: error }, "Stop incomplete");
        process.exit(1);
      });
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}
