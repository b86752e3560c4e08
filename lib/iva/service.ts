import "server-only";
import { createIvaCalls } from "./calls";
import type { IvaDeps } from "./context";
import { createIvaRecovery } from "./recovery";
import { createIvaRequests } from "./requests";
import { createIvaRuns } from "./runs";
import { createIvaViews } from "./views";

export { IVA_METHOD, type IvaDeps } from "./context";
export type { IvaRequestInput, IvaRequestOutcome } from "./requests";
export type { IvaBatchInput, IvaBatchOutcome } from "./runs";
export type { IvaBatchView, IvaBusinessOption, IvaRequestView } from "./views";

/**
 * IVA compras-ventas report requests. Each one is billed and emails a report, so: recorded
 * before the call and completed after it, one call per submission however often it arrives
 * and whichever instance receives it, a "yes" needed to repeat one within 24 hours, never
 * retried, and never sent again after its instance died mid-call.
 */
export function createIvaService(deps: IvaDeps) {
  const calls = createIvaCalls(deps);
  const views = createIvaViews(deps);
  const recovery = createIvaRecovery(deps);
  const parts = { calls, views, recovery };
  const { request } = createIvaRequests(deps, parts);
  const { startBatch, work } = createIvaRuns(deps, parts);
  return {
    request,
    startBatch,
    /** The job handler of the "iva-report" queue. */
    work,
    history: views.history,
    businessOptions: views.businessOptions,
    batch: views.batch,
    latestBatchId: views.latestBatchId,
    /** Settles every dead instance's requests (run on each heartbeat). */
    settleDead: () => recovery.settleDead(deps.db),
    /** At shutdown, once this instance's calls had their time: hands back the rest. */
    handBack: recovery.handBack,
    /** This instance's calls in flight. */
    running: calls.running,
  };
}

export type IvaService = ReturnType<typeof createIvaService>;
