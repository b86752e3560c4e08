/**
 * The email service end to end on each engine: the real pg-boss queue on that database, its
 * worker calling `deliver`, nodemailer, and a real SMTP server (lib/testing/mailbox.ts).
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { outboundEmails, tableroInstances } from "@/lib/db/schema";
import type { JobQueue } from "@/lib/jobs/queue";
import { databaseEngines } from "@/lib/testing/test-database";
import { startMailHarness, type MailHarness } from "@/lib/testing/mail-harness";
import type { Mailbox } from "@/lib/testing/mailbox";
import type { MailTransport } from "./transport";
import { getLogger } from "@/lib/log";
import { resetPasswordMessage } from "./messages";
import { createMailService, EMAIL_MAX_AGE_MS, type MailService } from "./service";

const ATTEMPTS = 3;

describe.each(databaseEngines())("email on $name", (engine) => {
  let harness: MailHarness;
  let handle: DatabaseHandle;
  let mailbox: Mailbox;
  let queue: JobQueue;
  let mail: MailService;

  beforeAll(async () => {
    harness = await startMailHarness(engine, {
      baseUrl: "https://tablero.test",
      attempts: ATTEMPTS,
      work: true,
    });
    ({ handle, mailbox, queue, mail } = harness);
  });
  afterEach(() => mailbox.refuse(0));
  afterAll(() => harness?.close());

  const address = () => `persona-${randomUUID().slice(0, 8)}@tablero.test`;
  const message = (name = "Ana") =>
    resetPasswordMessage({ name, url: mail.link(`/restablecer/${"a".repeat(43)}`) });
  const queueEmail = (to: string, name?: string) =>
    handle.db.transaction((tx) => mail.enqueue(tx, to, message(name)));

  async function row(id: string) {
    const [found] = await handle.db.select().from(outboundEmails).where(eq(outboundEmails.id, id));
    return found!;
  }

  /** Jobs pg-boss holds for this email, whatever their state. */
  async function jobsFor(id: string): Promise<number> {
    const result = (await handle.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'email' and data->>'emailId' = ${id}`,
    )) as unknown as { rows: { n: number }[] };
    return result.rows[0]!.n;
  }

  const settled = (id: string) =>
    vi.waitFor(
      async () => {
        const current = await row(id);
        expect(current.status).not.toBe("pending");
        return current;
      },
      { timeout: 15_000, interval: 50 },
    );

  it("a queued email arrives with its subject, plain text and HTML, and its body is then erased", async () => {
    const to = address();
    const id = await queueEmail(to, "Ana");
    expect(await row(id)).toMatchObject({ status: "pending", kind: "reset-password" });

    const received = await mailbox.waitFor(to);
    expect(received.subject).toBe("Elegí una nueva contraseña para Tablero");
    expect(received.from).toContain("no-responder@tablero.test");
    expect(received.text).toContain("Hola, Ana: pediste una nueva contraseña");
    expect(received.links).toEqual([`https://tablero.test/restablecer/${"a".repeat(43)}`]);
    expect(received.html).toContain('href="https://tablero.test/restablecer/');

    const sent = await settled(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, text: null, html: null, to });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(await mail.latest(to, "reset-password")).toMatchObject({ id, status: "sent" });
  });

  it("a rolled-back transaction leaves no email, no job and sends nothing", async () => {
    const to = address();
    let id = "";
    await expect(
      handle.db.transaction(async (tx) => {
        id = await mail.enqueue(tx, to, message());
        throw new Error("the invitation failed after queuing its email");
      }),
    ).rejects.toThrow("invitation failed");
    expect(id).not.toBe("");

    // An email queued afterwards arrives: by then a job for the first would have run too.
    const later = address();
    await queueEmail(later);
    await mailbox.waitFor(later);
    expect(await mail.state(id)).toBeNull();
    expect(await jobsFor(id)).toBe(0);
    expect(mailbox.messages(to)).toEqual([]);
  });

  it("an email the server refuses is retried and arrives, with its attempts counted", async () => {
    mailbox.refuse(1);
    const to = address();
    const id = await queueEmail(to);
    await mailbox.waitFor(to);
    const sent = await settled(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, text: null, html: null });
    expect(sent.lastError).toMatch(/451/);
    expect(mailbox.messages(to)).toHaveLength(1);
  });

  it("an email refused every time is given up after the configured attempts, its body erased", async () => {
    mailbox.refuse(ATTEMPTS);
    const to = address();
    const id = await queueEmail(to);
    const failed = await settled(id);
    expect(failed).toMatchObject({ status: "failed", attempts: ATTEMPTS, text: null, html: null });
    expect(failed.lastError).toMatch(/451/);
    expect(failed.sentAt).toBeNull();
    expect(mailbox.messages(to)).toEqual([]);
    // Given up for good: no further attempt comes later.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await row(id)).toMatchObject({ status: "failed", attempts: ATTEMPTS });
  });

  it("with email off (no SMTP server) the row is failed at once and no job is queued", async () => {
    const off = createMailService({
      db: handle.db,
      queue,
      transport: null,
      baseUrl: "https://tablero.test",
      attempts: ATTEMPTS,
      retrySeconds: 1,
      instance: { id: "test-instance" },
      leaseMs: 30_000,
      keyring: harness.keyring,
    });
    expect(off.enabled).toBe(false);
    const to = address();
    const id = await handle.db.transaction((tx) => off.enqueue(tx, to, message()));
    expect(await row(id)).toMatchObject({
      status: "failed",
      attempts: 0,
      text: null,
      html: null,
      lastError: "email desactivado: SMTP_URL no está configurado",
    });
    expect(await jobsFor(id)).toBe(0);
    // `deliver` of such a row (a job from before email was turned off) sends nothing.
    await off.deliver(id);
    expect(mailbox.messages(to)).toEqual([]);
  });

  /**
   * The same service on the same database and SMTP server, but whose emails get no job: the
   * test reads the row while it waits and delivers it itself, with the clock at `now`.
   */
  function manual(now = () => new Date()) {
    return createMailService({
      db: handle.db,
      queue: { send: async () => {} },
      transport: harness.transport,
      baseUrl: "https://tablero.test",
      attempts: ATTEMPTS,
      retrySeconds: 1,
      instance: { id: "test-instance" },
      leaseMs: 30_000,
      keyring: harness.keyring,
      now,
    });
  }
  const TOKEN = "b".repeat(43);
  const resetLink = () => `https://tablero.test/restablecer/${TOKEN}`;
  // A name with a letter no sealed text can hold (base64url): a three-letter one like «Bea»
  // turned up in the ciphertext by chance once in a few hundred runs.
  const sealedMessage = () => resetPasswordMessage({ name: "Beatriz Peña", url: resetLink() });

  it("while it waits, the body is sealed: the database holds no link nor token, and it arrives intact", async () => {
    const service = manual();
    const to = address();
    const message = sealedMessage();
    const id = await handle.db.transaction((tx) => service.enqueue(tx, to, message));
    const waiting = await row(id);
    expect(waiting.status).toBe("pending");
    for (const [stored, plain] of [
      [waiting.text, message.text],
      [waiting.html, message.html],
    ] as const) {
      expect(stored).toMatch(/^v1\./);
      expect(stored).not.toBe(plain);
      expect(stored).not.toContain(TOKEN);
      expect(stored).not.toContain("restablecer");
      expect(plain).toContain("Peña");
      expect(stored).not.toContain("Peña");
    }

    await service.deliver(id);
    const received = await mailbox.waitFor(to);
    expect(received.subject).toBe(message.subject);
    expect(received.text.trim()).toBe(message.text.trim());
    expect(received.links).toEqual([resetLink()]);
    expect(received.html).toContain(`href="${resetLink()}"`);
    expect(await row(id)).toMatchObject({ status: "sent", text: null, html: null });
  });

  it("a body altered at rest, or copied from another email, is never sent: failed, erased and logged", async () => {
    const service = manual();
    const error = vi.spyOn(getLogger(), "error");
    try {
      const tampered = address();
      const tamperedId = await handle.db.transaction((tx) =>
        service.enqueue(tx, tampered, sealedMessage()),
      );
      const sealed = (await row(tamperedId)).text!;
      const flipped = sealed.slice(0, -2) + (sealed.endsWith("AA") ? "BB" : "AA");
      await handle.db
        .update(outboundEmails)
        .set({ text: flipped })
        .where(eq(outboundEmails.id, tamperedId));

      // A whole sealed body moved onto another email's row does not open there either.
      const copied = address();
      const copiedId = await handle.db.transaction((tx) =>
        service.enqueue(tx, copied, message("Otro")),
      );
      const source = await row(
        await handle.db.transaction((tx) => service.enqueue(tx, address(), sealedMessage())),
      );
      await handle.db
        .update(outboundEmails)
        .set({ text: source.text, html: source.html })
        .where(eq(outboundEmails.id, copiedId));

      for (const [id, to] of [
        [tamperedId, tampered],
        [copiedId, copied],
      ] as const) {
        await expect(service.deliver(id)).resolves.toBeUndefined();
        expect(await row(id)).toMatchObject({
          status: "failed",
          attempts: 1,
          text: null,
          html: null,
          sentAt: null,
          lastError: expect.stringMatching(/no abre/),
        });
        expect(error).toHaveBeenCalledWith(
          expect.objectContaining({ event: "email.unreadable", emailId: id }),
          expect.any(String),
        );
        // Nothing left, not even garbage: a later job for it does nothing.
        await service.deliver(id);
        expect(mailbox.messages(to)).toEqual([]);
      }
    } finally {
      error.mockRestore();
    }
  });

  it("an email still pending after a day is given up and its body erased, on delivery or by prune", async () => {
    let clock = Date.now();
    const service = manual(() => new Date(clock));
    const late = address();
    const lateId = await handle.db.transaction((tx) => service.enqueue(tx, late, sealedMessage()));
    const stale = address();
    const staleId = await handle.db.transaction((tx) =>
      service.enqueue(tx, stale, sealedMessage()),
    );

    // Within the day nothing is pruned.
    expect(await service.prune()).toBe(0);
    expect(await row(staleId)).toMatchObject({ status: "pending" });

    clock += EMAIL_MAX_AGE_MS + 60_000;
    await service.deliver(lateId);
    expect(await row(lateId)).toMatchObject({
      status: "failed",
      text: null,
      html: null,
      sentAt: null,
      lastError: expect.stringMatching(/vencido/),
    });
    expect(await service.prune()).toBeGreaterThanOrEqual(1);
    expect(await row(staleId)).toMatchObject({ status: "failed", text: null, html: null });
    await service.deliver(staleId);
    expect(mailbox.messages(late)).toEqual([]);
    expect(mailbox.messages(stale)).toEqual([]);
  });
});

describe.each(databaseEngines())("email across instances and stops, on $name", (engine) => {
  const LEASE_MS = 30_000;
  let harness: MailHarness;
  beforeAll(async () => {
    // No worker: each test delivers as the queue's worker in one process or another would.
    harness = await startMailHarness(engine, { baseUrl: "https://tablero.test", attempts: 2 });
  });
  afterAll(() => harness?.close());

  /** The mail service of instance `instanceId` (by default one on record nowhere). */
  const serviceWith = (transport: MailTransport, instanceId = `otra-${randomUUID().slice(0, 8)}`) =>
    createMailService({
      db: harness.handle.db,
      queue: harness.queue,
      transport,
      baseUrl: "https://tablero.test",
      attempts: 2,
      retrySeconds: 1,
      instance: { id: instanceId },
      leaseMs: LEASE_MS,
      keyring: harness.keyring,
    });
  const row = async (id: string) =>
    (await harness.handle.db.select().from(outboundEmails).where(eq(outboundEmails.id, id)))[0]!;
  const queueEmail = (mail: MailService, to: string) =>
    harness.handle.db.transaction((tx) =>
      mail.enqueue(tx, to, resetPasswordMessage({ name: "Ana", url: mail.link("/restablecer/x") })),
    );
  const recipient = (who: string) => `${who}-${randomUUID().slice(0, 8)}@tablero.test`;

  /** An instance on record with a fresh heartbeat, as a running server is. */
  async function liveInstance(): Promise<string> {
    const id = `viva-${randomUUID().slice(0, 8)}`;
    await harness.handle.db.insert(tableroInstances).values({ id });
    return id;
  }

  /** The email's jobs, oldest first, with how long after being written each may start. */
  async function jobsOf(id: string): Promise<{ waitMs: number }[]> {
    const result = (await harness.handle.db.execute(
      sql`select (extract(epoch from start_after - created_on) * 1000)::int as "waitMs"
          from pgboss.job where name = 'email' and data->>'emailId' = ${id} order by created_on`,
    )) as unknown as { rows: { waitMs: number }[] };
    return result.rows;
  }

  /** What an SMTP server does with a message, held until the test says. */
  function heldServer() {
    let answer!: (refusal?: Error) => void;
    const answered = new Promise<void>((resolve, reject) => {
      answer = (refusal) => (refusal ? reject(refusal) : resolve());
    });
    const transport: MailTransport = {
      send: async (message) => {
        await answered;
        await harness.transport.send(message);
      },
      close: () => {},
    };
    return { transport, answer };
  }

  it("an email a live instance is sending is not sent again by a job handed out elsewhere; its failure schedules the next attempt", async () => {
    const owner = await liveInstance();
    const server = heldServer();
    const slow = serviceWith(server.transport, owner);
    const other = serviceWith(harness.transport);
    const to = recipient("lenta");
    const id = await queueEmail(slow, to);
    expect(await jobsOf(id)).toHaveLength(1);

    const first = slow.deliver(id);
    await vi.waitFor(async () => expect(await row(id)).toMatchObject({ sendingBy: owner }));
    // The queue hands the job out again after its minute: another instance, or the same
    // process, finds the email claimed and leaves it alone.
    await other.deliver(id);
    await slow.deliver(id);
    expect(await row(id)).toMatchObject({ status: "pending", sendingBy: owner, attempts: 1 });
    expect(harness.mailbox.messages(to)).toEqual([]);

    // The server refuses the owner's attempt: the email is let go with its next attempt
    // queued, a second later, by the owner (the job that brought it may be gone).
    server.answer(new Error("451 Probá más tarde"));
    await first;
    expect(await row(id)).toMatchObject({
      status: "pending",
      sendingBy: null,
      attempts: 1,
      lastError: "451 Probá más tarde",
    });
    const jobs = await jobsOf(id);
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.waitMs).toBeGreaterThanOrEqual(900);

    await other.deliver(id);
    expect(await row(id)).toMatchObject({ status: "sent", sendingBy: null, attempts: 2 });
    expect(harness.mailbox.messages(to)).toHaveLength(1);
  });

  it("an email whose instance died mid-send is queued again by the others and sent once", async () => {
    const owner = await liveInstance();
    const died = serviceWith({ send: () => new Promise<void>(() => {}), close: () => {} }, owner);
    const other = serviceWith(harness.transport);
    const to = recipient("huerfana");
    const id = await queueEmail(died, to);
    void died.deliver(id);
    await vi.waitFor(async () => expect(await row(id)).toMatchObject({ sendingBy: owner }));

    // While its instance lives, the email is its own.
    await other.settleDead();
    expect(await row(id)).toMatchObject({ sendingBy: owner });
    expect(await jobsOf(id)).toHaveLength(1);

    // Its heartbeat stops: after the lease, the others' heartbeat lets the email go and
    // queues it again (its job may have been completed by an instance that found it claimed).
    await harness.handle.db
      .update(tableroInstances)
      .set({ heartbeatAt: sql`now() - ${`${LEASE_MS + 1000} milliseconds`}::interval` })
      .where(eq(tableroInstances.id, owner));
    expect(await other.settleDead()).toBeGreaterThanOrEqual(1);
    expect(await row(id)).toMatchObject({ status: "pending", sendingBy: null, attempts: 1 });
    expect(await jobsOf(id)).toHaveLength(2);

    await other.deliver(id);
    expect(await row(id)).toMatchObject({ status: "sent", sendingBy: null, attempts: 2 });
    expect(harness.mailbox.messages(to)).toHaveLength(1);
  });

  it("lists a delivery as running until the server has the email and its row says so", async () => {
    // An SMTP server slower than pg-boss's second of grace when the queue stops.
    const slow = serviceWith({
      send: async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await harness.transport.send(message);
      },
      close: () => {},
    });
    const to = `lenta-${randomUUID().slice(0, 8)}@tablero.test`;
    const id = await queueEmail(slow, to);

    const delivering = slow.deliver(id);
    expect(slow.running()).toHaveLength(1);
    await Promise.allSettled(slow.running());

    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(harness.mailbox.messages(to)).toHaveLength(1);
    expect(slow.running()).toEqual([]);
    await delivering;
  });

  it("counts an attempt that never ended, so the last one gives the email up instead of leaving it pending", async () => {
    // The first attempt's process stopped mid-send: the queue handed its job back.
    // Its instance is on record nowhere: it stopped.
    const stopped = serviceWith({ send: () => new Promise<void>(() => {}), close: () => {} });
    const refused = serviceWith({
      send: () => Promise.reject(new Error("451 Probá más tarde")),
      close: () => {},
    });
    const id = await queueEmail(stopped, `perdida-${randomUUID().slice(0, 8)}@tablero.test`);
    void stopped.deliver(id);
    await vi.waitFor(async () => expect((await row(id)).attempts).toBe(1));

    // The queue's second and last attempt, elsewhere, and the server refuses it.
    await refused.deliver(id);

    expect(await row(id)).toMatchObject({ status: "failed", attempts: 2, text: null, html: null });
  });

  /** Its heartbeat stops (SIGKILL): older than the lease. */
  async function kill(id: string) {
    await harness.handle.db
      .update(tableroInstances)
      .set({ heartbeatAt: sql`now() - ${`${LEASE_MS + 1000} milliseconds`}::interval` })
      .where(eq(tableroInstances.id, id));
  }
  const hanging: MailTransport = { send: () => new Promise<void>(() => {}), close: () => {} };

  it("makes no attempt past the last, however many instances die sending the email", async () => {
    const survivor = serviceWith(harness.transport, await liveInstance());
    const to = recipient("tope");
    const id = await queueEmail(survivor, to);
    // Both attempts die mid-send, each with its instance; the survivor queues the email again.
    for (const attempt of [1, 2]) {
      const owner = await liveInstance();
      void serviceWith(hanging, owner).deliver(id);
      await vi.waitFor(async () =>
        expect(await row(id)).toMatchObject({ sendingBy: owner, attempts: attempt }),
      );
      await kill(owner);
      expect(await survivor.settleDead()).toBeGreaterThanOrEqual(1);
    }

    await survivor.deliver(id);
    expect(await row(id)).toMatchObject({
      status: "failed",
      attempts: 2,
      sendingBy: null,
      text: null,
      html: null,
      lastError: "sin intentos: el último no terminó (su instancia se detuvo)",
    });
    expect(harness.mailbox.messages(to)).toEqual([]);
  });

  it("an email given up after a day while claimed is claimed by no one", async () => {
    const owner = await liveInstance();
    const mail = serviceWith(hanging, owner);
    const id = await queueEmail(mail, recipient("vencida"));
    void mail.deliver(id);
    await vi.waitFor(async () => expect(await row(id)).toMatchObject({ sendingBy: owner }));
    await harness.handle.db
      .update(outboundEmails)
      .set({ createdAt: new Date(Date.now() - EMAIL_MAX_AGE_MS - 60_000) })
      .where(eq(outboundEmails.id, id));

    expect(await serviceWith(harness.transport).prune()).toBeGreaterThanOrEqual(1);
    expect(await row(id)).toMatchObject({ status: "failed", sendingBy: null });
  });

  it("a failed attempt whose outcome could not be written is written by the owner's next heartbeat", async () => {
    const owner = await liveInstance();
    const server = heldServer();
    // The database fails as the owner writes the failure (its release and the next job).
    let broken = true;
    const mail = createMailService({
      db: harness.handle.db,
      queue: {
        send: (tx, name, data, options) =>
          broken && options?.startAfter !== undefined
            ? Promise.reject(new Error("Connection terminated unexpectedly"))
            : harness.queue.send(tx, name, data, options),
      },
      transport: server.transport,
      baseUrl: "https://tablero.test",
      attempts: 2,
      retrySeconds: 1,
      instance: { id: owner },
      leaseMs: LEASE_MS,
      keyring: harness.keyring,
    });
    const other = serviceWith(harness.transport);
    const to = recipient("atascada");
    const id = await queueEmail(mail, to);
    const first = mail.deliver(id);
    await vi.waitFor(async () => expect(await row(id)).toMatchObject({ sendingBy: owner }));
    // The job, handed out again after its minute, is completed by an instance that found the
    // email claimed: no job is left for it.
    await other.deliver(id);
    await harness.handle.db.execute(
      sql`update pgboss.job set state = 'completed' where name = 'email' and data->>'emailId' = ${id}`,
    );

    server.answer(new Error("451 Probá más tarde"));
    await expect(first).rejects.toThrow(/Connection terminated/);
    expect(await row(id)).toMatchObject({ status: "pending", sendingBy: owner, attempts: 1 });

    // The database is back: the owner's heartbeat lets the email go with its next attempt.
    broken = false;
    await mail.settleDead();
    expect(await row(id)).toMatchObject({
      status: "pending",
      sendingBy: null,
      lastError: "451 Probá más tarde",
    });
    expect(await jobsOf(id)).toHaveLength(2);
    await other.deliver(id);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(harness.mailbox.messages(to)).toHaveLength(1);
  });
});
