import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { ivaBatches, ivaRequests } from "@/lib/db/schema";
import { databaseEngines } from "@/lib/testing/test-database";
import { type IvaBatchInput, type IvaBatchOutcome, type IvaService } from "./service";
import { EMAIL, HOUR, PERIOD, startIvaHarness, type IvaHarness } from "@/lib/testing/iva-harness";

const NOT_VERIFIED =
  "Las credenciales de TusFacturas de esta empresa no están verificadas: revisalas en Credenciales.";
const IN_FLIGHT =
  "Ya hay una solicitud de este período a esta dirección en curso: su resultado aparece en el historial.";
const NO_COMPROBANTES = "El período solicitado no tiene comprobantes.";

function started(outcome: IvaBatchOutcome): string {
  if (outcome.kind !== "started")
    throw new Error(`expected "started", got ${JSON.stringify(outcome)}`);
  return outcome.batchId;
}

describe.each(databaseEngines())("IVA batches on $name", (engine) => {
  let h: IvaHarness;
  beforeAll(async () => {
    h = await startIvaHarness(engine);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.reset());

  /**
   * The run once every business has its outcome. Generous: a run taken over from a dead
   * instance waits for the queue to hand its job out again, slow when the whole suite runs.
   */
  async function finished(service: IvaService, userId: string, batchId: string) {
    await expect
      .poll(async () => (await service.batch(userId, batchId))?.finished, {
        interval: 10,
        timeout: 30_000,
      })
      .toBe(true);
    const view = await service.batch(userId, batchId);
    if (!view) throw new Error("the run vanished");
    return view;
  }

  async function owner() {
    const userId = await h.user();
    const service = h.service();
    const input = (businessIds: string[], overrides: Partial<IvaBatchInput> = {}) => ({
      userId,
      ...PERIOD,
      email: EMAIL,
      businessIds,
      requestKey: randomUUID(),
      repeat: false,
      ...overrides,
    });
    return { userId, service, input };
  }

  it("sends to each business in turn and skips, with the reason, the ones it cannot", async () => {
    const { userId, service, input } = await owner();
    const ok = await h.business(userId, "1007");
    const refused = await h.business(userId, "1008");
    const unverified = await h.business(userId, "1009", { verified: false });
    await h.fault("1008", { kind: "rejected", count: 1, messages: [` ${NO_COMPROBANTES} `] });
    const submission = input([unverified, ok, refused]);

    expect(await service.startBatch({ ...submission, send: false })).toEqual({
      kind: "confirm",
      duplicates: [],
    });
    expect(await h.batchRows(userId)).toEqual([]);

    const batchId = started(await service.startBatch(submission));
    const view = await finished(service, userId, batchId);

    expect(view).toMatchObject({ id: batchId, ...PERIOD, email: EMAIL, finished: true });
    expect(view.items.map((i) => [i.razonSocial, i.businessId, i.status, i.messages])).toEqual([
      ["Empresa 1007", ok, "sent", []],
      ["Empresa 1008", refused, "rejected", [NO_COMPROBANTES]],
      ["Empresa 1009", unverified, "skipped", [NOT_VERIFIED]],
    ]);
    expect(view.items.every((i) => i.batchId === batchId && i.requestedBy === "Luis Gómez")).toBe(
      true,
    );
    expect([await h.calls("1007"), await h.calls("1008"), await h.calls("1009")]).toEqual([
      1, 1, 0,
    ]);
    expect(await h.outbox()).toMatchObject([{ apikey: "1007", ...PERIOD, email: EMAIL }]);
    expect((await service.history(ok))[0]).toMatchObject({ batchId, status: "sent" });
    expect(await service.latestBatchId(userId)).toBe(batchId);

    // The same submission again (a double click, a retried action) is the same run.
    expect(await service.startBatch(submission)).toEqual({ kind: "started", batchId });
    expect(await h.batchRows(userId)).toHaveLength(1);
    expect([await h.calls("1007"), await h.calls("1008")]).toEqual([1, 1]);

    // Nobody else can read it.
    const stranger = await h.user("Ana Pérez");
    expect(await service.batch(stranger, batchId)).toBeNull();
    expect(await service.latestBatchId(stranger)).toBeNull();
  });

  it("a business the user is not a member of fails the whole run as not found", async () => {
    const { userId, service, input } = await owner();
    const mine = await h.business(userId, "1007");
    const theirs = await h.business(await h.user("Ana Pérez"), "1010");

    for (const businessIds of [
      [mine, theirs],
      [mine, randomUUID()],
    ]) {
      const error = await service.startBatch(input(businessIds)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "not_found", message: "No encontramos esa empresa." });
    }
    expect(await h.batchRows(userId)).toEqual([]);
    expect(await h.rows(mine)).toEqual([]);
    expect(await h.rows(theirs)).toEqual([]);
    expect([await h.calls("1007"), await h.calls("1010")]).toEqual([0, 0]);
  });

  it("within 24 hours a run asks once for the businesses already asked for, unless told to repeat", async () => {
    const { userId, service, input } = await owner();
    const a = await h.business(userId, "1007");
    const b = await h.business(userId, "1008");
    const c = await h.business(userId, "1010");
    await h.fault("1010", { kind: "rejected", count: 1, messages: [NO_COMPROBANTES] });
    await finished(service, userId, started(await service.startBatch(input([a, b, c]))));
    h.advance(HOUR);

    const again = input([a, b, c]);
    const question = "Ya lo solicitaste hoy a las 10:42. ¿Enviar de nuevo?";
    // Only the two that may have sent it: the rejected one sent nothing.
    expect(await service.startBatch(again)).toEqual({
      kind: "confirm",
      duplicates: [
        { businessId: a, razonSocial: "Empresa 1007", question },
        { businessId: b, razonSocial: "Empresa 1008", question },
      ],
    });
    expect(await h.batchRows(userId)).toHaveLength(1);

    const repeated = started(await service.startBatch({ ...again, repeat: true }));
    const view = await finished(service, userId, repeated);
    expect(view.items.map((i) => i.status)).toEqual(["sent", "sent", "sent"]);
    expect([await h.calls("1007"), await h.calls("1008"), await h.calls("1010")]).toEqual([
      2, 2, 2,
    ]);

    h.advance(24 * HOUR);
    expect(await service.startBatch({ ...input([a, b, c]), send: false })).toEqual({
      kind: "confirm",
      duplicates: [],
    });
  });

  it("skips a business whose request of the same period and address is in flight", async () => {
    const { userId, service, input } = await owner();
    const busy = await h.business(userId, "1007");
    const free = await h.business(userId, "1008");
    const release = h.holdAnswers();
    const single = service.request({
      businessId: busy,
      userId,
      ...PERIOD,
      email: EMAIL,
      requestKey: randomUUID(),
      send: true,
      repeatOf: null,
    });
    await expect.poll(() => h.calls("1007"), { interval: 5 }).toBe(1);

    const batchId = started(await service.startBatch(input([busy, free])));
    const whileHeld = await service.batch(userId, batchId);
    expect(whileHeld?.finished).toBe(false);
    expect(whileHeld?.items[0]).toMatchObject({ status: "skipped", messages: [IN_FLIGHT] });
    release();
    await single;

    const view = await finished(service, userId, batchId);
    expect(view.items.map((i) => [i.razonSocial, i.status])).toEqual([
      ["Empresa 1007", "skipped"],
      ["Empresa 1008", "sent"],
    ]);
    expect([await h.calls("1007"), await h.calls("1008")]).toEqual([1, 1]);
  });

  it("repeats a request a dead instance left in flight, once the user said yes", async () => {
    const { userId, service, input } = await owner();
    const businessId = await h.business(userId, "1007");
    const dead = h.service();
    // Written by an instance whose call left and which died before the answer.
    await h.db.insert(ivaRequests).values({
      businessId,
      userId,
      requestKey: randomUUID(),
      ...PERIOD,
      email: EMAIL,
      status: "pending",
      leaseOwner: dead.instanceId,
      sendingAt: h.now(),
      requestedAt: h.now(),
    });
    await h.killInstance(dead.instanceId);

    expect(await service.startBatch(input([businessId]))).toEqual({
      kind: "confirm",
      duplicates: [
        {
          businessId,
          razonSocial: "Empresa 1007",
          question:
            "Ya lo solicitaste hoy a las 10:42 y TusFacturas no confirmó si lo envió. ¿Enviar de nuevo?",
        },
      ],
    });
    const batchId = started(await service.startBatch(input([businessId], { repeat: true })));

    const view = await finished(service, userId, batchId);
    expect(view.items.map((i) => [i.status, i.messages])).toEqual([["sent", []]]);
    expect(await h.calls("1007")).toBe(1);
    expect((await service.history(businessId)).map((r) => r.status)).toEqual([
      "sent",
      "unconfirmed",
    ]);
  });

  it("an instance starting mid-run changes nothing of it", async () => {
    const { userId, service, input } = await owner();
    const first = await h.business(userId, "1007");
    const second = await h.business(userId, "1008");
    const release = h.holdAnswers();
    const batchId = started(await service.startBatch(input([first, second])));
    // Both calls on their way (the workers take different credentials at once), held there.
    const rows = async () => [...(await h.rows(first)), ...(await h.rows(second))];
    await expect
      .poll(async () => (await rows()).filter((row) => row.sendingAt !== null).length, {
        interval: 10,
      })
      .toBe(2);
    const before = await rows();

    // A second server on the same database starts while the first call is on its way.
    const fresh = h.service();
    expect(await fresh.settleDead()).toBe(0);
    expect(await rows()).toEqual(before);
    release();

    const view = await finished(service, userId, batchId);
    expect(view.items.map((i) => [i.businessId, i.status])).toEqual([
      [first, "sent"],
      [second, "sent"],
    ]);
    expect([await h.calls("1007"), await h.calls("1008")]).toEqual([1, 1]);
  });

  it("a run whose instance died goes on: the calls that may have left stay unconfirmed, the rest are sent once", async () => {
    const { userId, input } = await owner();
    const ids = [
      await h.business(userId, "1007"),
      await h.business(userId, "1008"),
      await h.business(userId, "1009"),
    ];
    const dying = h.service({ answersLost: true });
    const batchId = started(await dying.startBatch(input(ids)));
    const inFlight = async () =>
      (await Promise.all(ids.map((id) => h.rows(id))))
        .flat()
        .filter((row) => row.sendingAt !== null && row.status === "pending");
    await expect.poll(async () => (await inFlight()).length, { interval: 10 }).toBeGreaterThan(0);

    // Another instance takes the queue; the first dies with its calls in flight, their
    // answers lost with it.
    const survivor = h.service();
    await h.killInstance(dying.instanceId);
    const lost = await inFlight();
    expect(await survivor.settleDead()).toBeGreaterThanOrEqual(lost.length);

    // A live instance settles dead work at every heartbeat: a call the dying worker started
    // after the settlement above is settled by a later one, as here.
    await expect
      .poll(
        async () => {
          await survivor.settleDead();
          return (await survivor.batch(userId, batchId))?.finished;
        },
        { interval: 50, timeout: 30_000 },
      )
      .toBe(true);
    const view = (await survivor.batch(userId, batchId))!;
    const lostIds = new Set(lost.map((row) => row.id));
    // The dying instance's worker may still start a call between the snapshot and its
    // settlement: that one is unconfirmed too. None is skipped, none is left pending.
    for (const item of view.items) {
      if (lostIds.has(item.id)) expect(item.status).toBe("unconfirmed");
      else expect(["sent", "unconfirmed"]).toContain(item.status);
    }
    const outbox = await h.outbox();
    for (const [i, apikey] of (["1007", "1008", "1009"] as const).entries()) {
      const sent = view.items.find((item) => item.businessId === ids[i])!.status === "sent";
      const emails = outbox.filter((e) => e.apikey === apikey).length;
      expect(sent ? emails === 1 : emails <= 1).toBe(true);
      expect(await h.calls(apikey)).toBe(sent ? 1 : emails);
    }
  }, 60_000);

  it("a run never repeats what a colleague sent for the same period and address while it waited", async () => {
    const { userId, service } = await owner();
    const businessId = await h.business(userId, "1007");
    // A run confirmed at 10:42 whose request for this business is still waiting its turn.
    const [run] = await h.db
      .insert(ivaBatches)
      .values({ userId, requestKey: randomUUID(), ...PERIOD, email: EMAIL, createdAt: h.now() })
      .returning({ id: ivaBatches.id });
    const [item] = await h.db
      .insert(ivaRequests)
      .values({
        businessId,
        userId,
        batchId: run!.id,
        requestKey: randomUUID(),
        ...PERIOD,
        email: EMAIL,
        status: "queued",
        requestedAt: h.now(),
      })
      .returning({ id: ivaRequests.id });
    // A colleague's request for the same period and address went out meanwhile (its checks
    // raced the run's: both saw nothing in flight).
    h.advance(60_000);
    await h.db.insert(ivaRequests).values({
      businessId,
      userId,
      requestKey: randomUUID(),
      ...PERIOD,
      email: EMAIL,
      status: "sent",
      requestedAt: h.now(),
      completedAt: h.now(),
    });

    await service.work(item!.id);

    const [row] = await h.db.select().from(ivaRequests).where(eq(ivaRequests.id, item!.id));
    expect([row?.status, row?.messages]).toEqual([
      "skipped",
      [
        "Mientras esperaba, se pidió este período a esta dirección en otra solicitud: no se repite.",
      ],
    ]);
    expect(await h.calls("1007")).toBe(0);
  });

  it("two runs started at the same moment for the same business, period and address send one report", async () => {
    const { userId, service, input } = await owner();
    const businessId = await h.business(userId, "1007");
    // Both confirmations see nothing sent yet: the lock at the claim is what keeps one out.
    const [first, second] = await Promise.all([
      service.startBatch(input([businessId])),
      service.startBatch(input([businessId])),
    ]);
    const runs = await Promise.all(
      [first, second].map((outcome) => finished(service, userId, started(outcome))),
    );

    expect(await h.calls("1007")).toBe(1);
    expect((await h.outbox()).filter((sent) => sent.apikey === "1007")).toHaveLength(1);
    const statuses = runs.map((run) => run.items[0]?.status).sort();
    expect(statuses).toEqual(["sent", "skipped"]);
  });
});
