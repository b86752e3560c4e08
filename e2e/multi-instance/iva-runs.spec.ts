/**
 * IVA runs as durable work shared by the instances: an instance killed or stopped in the
 * middle of a call, and one started in the middle of a run. Each report is requested at most
 * once (counted at the emulator's outbox and call counters), what may have left is shown
 * "Sin confirmar", and the rest is sent by the survivors.
 */
import type { Page } from "@playwright/test";
import { formatPeriod, type Period } from "../../lib/iva/period";
import type { EmulatorControl } from "../../lib/tusfacturas/emulator/control";
import { waitExit, type InstanceRecord } from "./cluster";
import { expect, test, type Cluster } from "./fixtures";
import {
  describeRows,
  expectLeaseSchema,
  IVA,
  ivaCalls,
  outboxByApikey,
  periodMonthsAgo,
  requestsPerBusiness,
  runRows,
  setUpIvaBusinesses,
  signInAs,
  startRun,
  waitForCallInFlight,
  waitUntilFinished,
  type IvaSetup,
  type RunRow,
} from "./iva-runs";
import type { InstanceName } from "./ports";

test.skip(!process.env.TEST_DATABASE_URL, "La suite de varias instancias necesita PostgreSQL.");

/** The instances' shutdown deadline (cluster.ts sets TABLERO_SHUTDOWN_SECONDS=10). */
const SHUTDOWN_SECONDS = 10;

/** One user owning the ten businesses, made through the UI by the first test that needs it. */
async function ivaUser(page: Page, cluster: Cluster): Promise<IvaSetup> {
  let created = false;
  const setup = await cluster.once("iva", async () => {
    created = true;
    return setUpIvaBusinesses(page);
  });
  if (!created) await signInAs(page, setup);
  return setup;
}

async function latencyOnEveryIvaCall(emulator: EmulatorControl, setup: IvaSetup, ms: number) {
  for (const business of setup.businesses)
    await emulator.injectFault({
      apikey: business.apikey,
      method: IVA,
      kind: "latency",
      latencyMs: ms,
      count: 1,
    });
}

/** What the whole run must show at the emulator: each business asked at most once, no 429. */
async function expectAtMostOnceUpstream(
  emulator: EmulatorControl,
  setup: IvaSetup,
  period: Period,
): Promise<{ outbox: Map<string, number>; calls: Map<string, number> }> {
  const outbox = await outboxByApikey(emulator, period, setup.user.email);
  const calls = await ivaCalls(emulator, setup.businesses);
  const repeated = setup.businesses
    .filter((b) => (outbox.get(b.apikey) ?? 0) > 1 || (calls.get(b.apikey) ?? 0) > 1)
    .map(
      (b) => `${b.razonSocial}: ${outbox.get(b.apikey) ?? 0} emails, ${calls.get(b.apikey)} calls`,
    );
  expect(repeated, `no business asked twice for ${formatPeriod(period)}`).toEqual([]);
  const throttled = await emulator.allThrottled();
  expect(throttled.total, "TusFacturas answers 429").toBe(0);
  return { outbox, calls };
}

async function expectNothingRequestedTwice(cluster: Cluster, setup: IvaSetup, period: Period) {
  const perBusiness = await requestsPerBusiness(cluster.pool, setup.businesses, period);
  const repeated = setup.businesses
    .filter((b) => (perBusiness.get(b.id) ?? []).length !== 1)
    .map((b) => `${b.razonSocial}: ${(perBusiness.get(b.id) ?? []).join(", ") || "ninguno"}`);
  expect(repeated, `exactly one IVA request per business for ${formatPeriod(period)}`).toEqual([]);
}

/** The run's page on `instance`, finished: its rows, and those whose badge says `label`. */
async function runPage(page: Page, instance: InstanceRecord, batchId: string) {
  await page.goto(`${instance.url}/iva?lote=${batchId}`);
  await expect(page.getByText(/^Terminado:/)).toBeVisible();
  const rows = page.getByTestId("lote-empresa");
  return {
    rows,
    // Exact: "Sin confirmar" explains itself with "puede haberse enviado o no".
    withBadge: (label: string) => rows.filter({ has: page.getByText(label, { exact: true }) }),
  };
}

test("an instance killed (SIGKILL) mid-call: its request is Sin confirmar, the survivor sends the rest, nothing twice", async ({
  page,
  cluster,
  emulator,
}) => {
  const instances = await cluster.ensure("A", "B");
  await expectLeaseSchema(cluster.pool);
  const setup = await ivaUser(page, cluster);
  const period = periodMonthsAgo(2);
  await emulator.reset();
  await latencyOnEveryIvaCall(emulator, setup, 1500);

  const batchId = await startRun(page, period, setup.businesses.length);
  const inFlight = await waitForCallInFlight({
    pool: cluster.pool,
    emulator,
    batchId,
    businesses: setup.businesses,
    instances,
  });
  const victim = inFlight.owner;
  const survivor = instances.find((i) => i.name !== victim.name)!;
  cluster.signal(victim.name as InstanceName, "SIGKILL");
  expect(await waitExit(victim.pid, 5000), `${victim.name} died of SIGKILL`).toBe(true);
  const atKill = await runRows(cluster.pool, batchId);
  const killedRow = atKill.find((r) => r.id === inFlight.row.id)!;
  expect(
    killedRow.status,
    `${inFlight.business.razonSocial}'s request was still in flight at ${victim.name} when it was killed`,
  ).toBe("pending");
  // Held by the victim but (as far as TusFacturas knows) not called yet: may go either way.
  const heldByVictim = new Set(
    atKill.filter((r) => r.status === "pending" && r.leaseOwner === victim.id).map((r) => r.id),
  );

  const rows = await waitUntilFinished(cluster.pool, batchId, setup.businesses);
  const { outbox } = await expectAtMostOnceUpstream(emulator, setup, period);
  expect(
    rows.find((r) => r.id === killedRow.id)?.status,
    `the killed instance's in-flight request ends "unconfirmed"\n${describeRows(rows, setup.businesses)}`,
  ).toBe("unconfirmed");
  const notSent = rows.filter(
    (r) => r.id !== killedRow.id && r.status !== "sent" && !heldByVictim.has(r.id),
  );
  expect(
    notSent.map((r) => r.businessId),
    `every other request is sent by the survivor\n${describeRows(rows, setup.businesses)}`,
  ).toEqual([]);
  const sentWithoutEmail = rows
    .filter((r) => r.status === "sent")
    .map((r) => setup.businesses.find((b) => b.id === r.businessId)!)
    .filter((b) => outbox.get(b.apikey) !== 1)
    .map((b) => b.razonSocial);
  expect(sentWithoutEmail, "each 'sent' request has exactly one email in the outbox").toEqual([]);
  await expectNothingRequestedTwice(cluster, setup, period);

  // The survivor's page tells the user what happened.
  const runView = await runPage(page, survivor, batchId);
  await expect(runView.withBadge("Sin confirmar")).toHaveCount(
    rows.filter((r) => r.status === "unconfirmed").length,
  );
  await expect(
    runView.rows.filter({ hasText: inFlight.business.razonSocial }),
    `${inFlight.business.razonSocial} is shown "Sin confirmar" on ${survivor.name}`,
  ).toContainText("Sin confirmar");
  await expect(runView.withBadge("Enviado")).toHaveCount(
    rows.filter((r) => r.status === "sent").length,
  );
});

test("an instance stopped (SIGTERM) mid-call finishes its call and exits; all ten sent exactly once", async ({
  page,
  cluster,
  emulator,
}) => {
  const instances = await cluster.ensure("A", "B");
  await expectLeaseSchema(cluster.pool);
  const setup = await ivaUser(page, cluster);
  const period = periodMonthsAgo(3);
  await emulator.reset();
  await latencyOnEveryIvaCall(emulator, setup, 1500);

  const batchId = await startRun(page, period, setup.businesses.length);
  const inFlight = await waitForCallInFlight({
    pool: cluster.pool,
    emulator,
    batchId,
    businesses: setup.businesses,
    instances,
  });
  const victim = inFlight.owner;
  const survivor = instances.find((i) => i.name !== victim.name)!;
  const signalledAt = Date.now();
  cluster.signal(victim.name as InstanceName, "SIGTERM");
  const exited = await waitExit(victim.pid, (SHUTDOWN_SECONDS + 5) * 1000);
  const exitSeconds = (Date.now() - signalledAt) / 1000;
  if (!exited) cluster.signal(victim.name as InstanceName, "SIGKILL");
  expect(
    exited,
    `${victim.name} exits by itself within TABLERO_SHUTDOWN_SECONDS (${SHUTDOWN_SECONDS} s) + 5 s after SIGTERM`,
  ).toBe(true);

  const rows = await waitUntilFinished(cluster.pool, batchId, setup.businesses);
  expect(
    rows.filter((r) => r.status !== "sent").map((r) => r.status),
    `all ten sent (${victim.name} exited ${exitSeconds.toFixed(1)} s after SIGTERM)\n${describeRows(rows, setup.businesses)}`,
  ).toEqual([]);
  const { outbox, calls } = await expectAtMostOnceUpstream(emulator, setup, period);
  expect(
    setup.businesses.map((b) => [outbox.get(b.apikey) ?? 0, calls.get(b.apikey) ?? 0]),
    "one email and one call per business",
  ).toEqual(setup.businesses.map(() => [1, 1]));
  await expectNothingRequestedTwice(cluster, setup, period);

  const runView = await runPage(page, survivor, batchId);
  await expect(runView.withBadge("Enviado")).toHaveCount(setup.businesses.length);
});

/** The transitions the run's own progress may make; anything else was done to it. */
function changedByStart(before: RunRow, after: RunRow | undefined, newcomer: string | null) {
  if (!after) return "desapareció";
  const same = JSON.stringify(before) === JSON.stringify(after);
  if (same) return null;
  switch (before.status) {
    case "queued":
      return ["queued", "pending", "sent"].includes(after.status)
        ? null
        : `queued → ${after.status}`;
    case "pending":
      if (after.status === "pending" && after.leaseOwner !== before.leaseOwner)
        return `pending: lease_owner ${before.leaseOwner} → ${after.leaseOwner}${after.leaseOwner === newcomer ? " (la instancia nueva)" : ""}`;
      return ["pending", "sent"].includes(after.status) ? null : `pending → ${after.status}`;
    default:
      return `${before.status} → ${after.status} (ya había terminado)`;
  }
}

test("an instance started in the middle of a run changes nothing of it", async ({
  page,
  cluster,
  emulator,
}) => {
  const instances = await cluster.ensure("A", "B");
  await expectLeaseSchema(cluster.pool);
  const setup = await ivaUser(page, cluster);
  const period = periodMonthsAgo(4);
  await emulator.reset();
  // The first call of the run takes 6 s (within the 8 s timeout), the rest 1.5 s: the run is
  // surely in the middle, with a call in flight, while C starts.
  await emulator.injectFault({ method: IVA, kind: "latency", latencyMs: 6000, count: 1 });
  await latencyOnEveryIvaCall(emulator, setup, 1500);

  const batchId = await startRun(page, period, setup.businesses.length);
  const inFlight = await waitForCallInFlight({
    pool: cluster.pool,
    emulator,
    batchId,
    businesses: setup.businesses,
    instances,
  });
  const before = await runRows(cluster.pool, batchId);
  const instancesBefore = await cluster.pool.query<{ id: string; stopping_at: Date | null }>(
    "select id, stopping_at from tablero_instances where id = any($1::text[]) order by id",
    [instances.map((i) => i.id)],
  );
  try {
    const newcomer = await cluster.start("C");
    const after = await runRows(cluster.pool, batchId);
    const changes = before.flatMap((row) => {
      const change = changedByStart(
        row,
        after.find((r) => r.id === row.id),
        newcomer.id,
      );
      const name = setup.businesses.find((b) => b.id === row.businessId)?.razonSocial;
      return change ? [`${name}: ${change}`] : [];
    });
    expect(
      changes,
      `C started (ready) while ${inFlight.business.razonSocial} was in flight at ${inFlight.owner.name}; nothing of the run changed but its own progress`,
    ).toEqual([]);
    const stillInFlight = after.find((r) => r.id === inFlight.row.id);
    if (stillInFlight?.status !== "sent")
      expect(
        [stillInFlight?.status, stillInFlight?.leaseOwner],
        "the request in flight while C started is still pending at its instance (or sent)",
      ).toEqual(["pending", inFlight.owner.id]);
    const instancesAfter = await cluster.pool.query<{ id: string; stopping_at: Date | null }>(
      "select id, stopping_at from tablero_instances where id = any($1::text[]) order by id",
      [instances.map((i) => i.id)],
    );
    expect(instancesAfter.rows, "A and B are still registered, not stopping").toEqual(
      instancesBefore.rows,
    );

    const rows = await waitUntilFinished(cluster.pool, batchId, setup.businesses);
    expect(
      rows.filter((r) => r.status !== "sent").map((r) => r.status),
      `the run still completes, all ten sent\n${describeRows(rows, setup.businesses)}`,
    ).toEqual([]);
    const { outbox, calls } = await expectAtMostOnceUpstream(emulator, setup, period);
    expect(
      setup.businesses.map((b) => [outbox.get(b.apikey) ?? 0, calls.get(b.apikey) ?? 0]),
      "one email and one call per business",
    ).toEqual(setup.businesses.map(() => [1, 1]));
    await expectNothingRequestedTwice(cluster, setup, period);
  } finally {
    await cluster.stop("C", (SHUTDOWN_SECONDS + 5) * 1000).catch(() => undefined);
  }
});
