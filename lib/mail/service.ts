import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { openSecret, sealSecret, type Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import { outboundEmails, type OutboundEmailStatus } from "@/lib/db/schema";
import type { JobQueue } from "@/lib/jobs/queue";
import { getLogger } from "@/lib/log";
import { ownerIsDead, type Instance } from "@/lib/runtime/instances";
import type { EmailKind, EmailMessage } from "./messages";
import type { MailTransport } from "./transport";

export type MailDeps = {
  db: Database;
  queue: Pick<JobQueue, "send">;
  /** null: no SMTP server configured, email is off. */
  transport: MailTransport | null;
  /** Tablero's public address, for the links in emails (`TABLERO_URL`). */
  baseUrl: string;
  /** Attempts before an email is given up. */
  attempts: number;
  /** The wait before the second attempt, doubling after each one. */
  retrySeconds: number;
  /** This process among the others: who is handing an email to the SMTP server. */
  instance: Pick<Instance, "id">;
  /** After this long without a heartbeat, an instance's emails are another's to send. */
  leaseMs: number;
  /** Seals the bodies at rest: their links carry tokens (reset, verification, invitation). */
  keyring: Keyring;
  now?: () => Date;
};

/** A pending email older than this is given up and its body erased: its links are stale. */
export const EMAIL_MAX_AGE_MS = 24 * 3_600_000;

/** Why an email did not leave, for the operator's log and the row; users get their own words. */
const EMAIL_OFF = "email desactivado: SMTP_URL no está configurado";
const EXPIRED = "vencido: más de un día sin poder enviarse";
const UNREADABLE = "el cuerpo cifrado no abre: clave que no corresponde o dato alterado";
const OUT_OF_ATTEMPTS = "sin intentos: el último no terminó (su instancia se detuvo)";

/** A given-up email: failed for good, its body erased, claimed by no one. */
const givenUpRow = (lastError: string | SQL) => ({
  status: "failed" as const,
  lastError,
  text: null,
  html: null,
  sendingBy: null,
});

export type EmailState = { id: string; status: OutboundEmailStatus; createdAt: Date };

/**
 * Email in the background: `enqueue` writes the message and its job in the caller's
 * transaction (a rolled-back invitation sends nothing), and any instance delivers it.
 * An attempt claims the email for its instance (`sending_by`), so however long the SMTP server
 * takes, no other instance sends it meanwhile: a job handed out again finds it claimed and
 * leaves it to its owner. The owner schedules the next attempt after a failure, until
 * `attempts`; an email whose owner died is queued again by the others (`settleDead`).
 * Its links carry tokens, so the body is sealed with the app keyring while it waits (bound to
 * the email's id: a body copied onto another row does not open), erased once sent or given
 * up, and given up after a day. Rotating keys does not re-seal waiting bodies (they live
 * minutes): see README, "keys:rotate".
 */
export function createMailService({
  db,
  queue,
  transport,
  baseUrl,
  attempts,
  retrySeconds,
  instance,
  leaseMs,
  keyring,
  now = () => new Date(),
}: MailDeps) {
  /** Gives an email up for good, erasing its body. */
  async function giveUp(emailId: string, lastError: string) {
    await db
      .update(outboundEmails)
      .set(givenUpRow(lastError))
      .where(and(eq(outboundEmails.id, emailId), eq(outboundEmails.status, "pending")));
  }

  /**
   * The wait before the next attempt once `attempt` failed: `retrySeconds`, doubling, never
   * over an hour (an email waits a day at most).
   */
  const retryDelay = (attempt: number) => Math.min(retrySeconds * 2 ** (attempt - 1), 3600);

  /** This instance's claim on an email, for the writes that settle its attempt. */
  const ownClaim = (emailId: string) =>
    and(eq(outboundEmails.id, emailId), eq(outboundEmails.sendingBy, instance.id));

  // This process's deliveries under way (see `running`), and the emails they are sending.
  const deliveries = new Set<Promise<void>>();
  const sending = new Set<string>();
  // Failed attempts whose outcome could not be written (the database failed meanwhile): still
  // claimed by this instance, so no other sends them; the heartbeat writes them again.
  const unsettled = new Map<string, { attempt: number; lastError: string }>();

  /**
   * Writes a failed attempt: releases the claim and, before the last attempt, schedules the
   * next one. The owner schedules it: the job it came with may be gone, completed by an
   * instance that found the email claimed. Returns whether the email was given up.
   */
  async function settleFailure(emailId: string, attempt: number, lastError: string) {
    const givenUp = attempt >= attempts;
    await db.transaction(async (tx) => {
      const [released] = await tx
        .update(outboundEmails)
        .set(givenUp ? givenUpRow(lastError) : { lastError, sendingBy: null })
        .where(ownClaim(emailId))
        .returning({ id: outboundEmails.id });
      if (released && !givenUp)
        await queue.send(tx, "email", { emailId }, { startAfter: retryDelay(attempt) });
    });
    return givenUp;
  }

  async function deliverOnce(emailId: string): Promise<void> {
    const [email] = await db.select().from(outboundEmails).where(eq(outboundEmails.id, emailId));
    if (!email || email.status !== "pending" || !transport) return;
    if (now().getTime() - email.createdAt.getTime() > EMAIL_MAX_AGE_MS) {
      await giveUp(emailId, EXPIRED);
      getLogger().warn(
        { event: "email.expired", emailId, kind: email.kind },
        "Email given up: pending for more than a day",
      );
      return;
    }
    // Claimed, unless a live instance has it (this one's own claim counts as free: an attempt
    // whose outcome could not be written). Counted as it starts: an attempt that never ends
    // (its process died mid-send) still uses one, and none is made past the last.
    const free = and(
      eq(outboundEmails.id, emailId),
      eq(outboundEmails.status, "pending"),
      or(
        isNull(outboundEmails.sendingBy),
        eq(outboundEmails.sendingBy, instance.id),
        ownerIsDead(outboundEmails.sendingBy, leaseMs),
      ),
    );
    const [claimed] = await db
      .update(outboundEmails)
      .set({ attempts: sql`${outboundEmails.attempts} + 1`, sendingBy: instance.id })
      .where(and(free, lt(outboundEmails.attempts, attempts)))
      .returning({ attempts: outboundEmails.attempts });
    if (!claimed) {
      // Its last attempt never ended (its instance died): given up, with the error before it.
      const [exhausted] = await db
        .update(outboundEmails)
        .set(givenUpRow(sql`coalesce(${outboundEmails.lastError}, ${OUT_OF_ATTEMPTS})`))
        .where(and(free, gte(outboundEmails.attempts, attempts)))
        .returning({ id: outboundEmails.id });
      if (exhausted) {
        getLogger().warn(
          { event: "email.failed", emailId, kind: email.kind, givenUp: true },
          "Email given up: its last attempt stopped with its instance",
        );
        return;
      }
      getLogger().info(
        { event: "email.sending_elsewhere", emailId, kind: email.kind },
        "Email left to the instance sending it",
      );
      return;
    }
    const attempt = claimed.attempts;
    // This attempt supersedes an earlier one whose outcome could not be written.
    unsettled.delete(emailId);
    let body: { text: string; html: string };
    try {
      body = {
        text: openSecret(email.text ?? "", emailId, keyring),
        html: openSecret(email.html ?? "", emailId, keyring),
      };
    } catch (error) {
      // Never send what does not open: retrying cannot fix it, so it fails now, loudly.
      await giveUp(emailId, UNREADABLE);
      getLogger().error(
        { event: "email.unreadable", emailId, kind: email.kind, err: error },
        "Email given up: its sealed body does not open (wrong key or tampered)",
      );
      return;
    }
    try {
      await transport.send({ to: email.to, subject: email.subject, ...body });
    } catch (error) {
      const lastError = String((error as Error).message ?? error).slice(0, 500);
      let givenUp: boolean;
      try {
        givenUp = await settleFailure(emailId, attempt, lastError);
      } catch (settling) {
        unsettled.set(emailId, { attempt, lastError });
        throw settling;
      }
      getLogger().warn(
        { event: "email.failed", emailId, kind: email.kind, attempt, givenUp, err: error },
        givenUp ? "Email given up" : "Email attempt failed; retrying",
      );
      return;
    }
    await db
      .update(outboundEmails)
      .set({ status: "sent", sentAt: new Date(), text: null, html: null, sendingBy: null })
      .where(eq(outboundEmails.id, emailId));
    getLogger().info({ event: "email.sent", emailId, kind: email.kind }, "Email sent");
  }

  return {
    /** Whether email can be sent at all (an SMTP server is configured). */
    enabled: transport !== null,

    /** An absolute link into Tablero for an email, from a path like `/verificar/…`. */
    link(path: string): string {
      return new URL(path, baseUrl).toString();
    },

    /** Queues `message` to `to` as part of `tx`; returns the email's id. */
    async enqueue(tx: Database, to: string, message: EmailMessage): Promise<string> {
      // The id is made here: the sealed body is bound to it.
      const id = randomUUID();
      await tx.insert(outboundEmails).values({
        id,
        to: to.toLowerCase(),
        kind: message.kind,
        subject: message.subject,
        ...(transport
          ? {
              text: sealSecret(message.text, id, keyring),
              html: sealSecret(message.html, id, keyring),
            }
          : { status: "failed" as const, lastError: EMAIL_OFF }),
      });
      if (transport) await queue.send(tx, "email", { emailId: id });
      return id;
    },

    /**
     * The job: sends the email once. A failure before the last attempt throws, so the queue
     * retries it; the last one marks it failed.
     */
    async deliver(emailId: string): Promise<void> {
      // Already being sent by this process (a job handed out again while it waits).
      if (sending.has(emailId)) return;
      sending.add(emailId);
      const delivery = deliverOnce(emailId);
      deliveries.add(delivery);
      try {
        await delivery;
      } finally {
        deliveries.delete(delivery);
        sending.delete(emailId);
      }
    },

    /**
     * Emails whose instance died while sending them (the heartbeat calls it): claimed by no
     * one again, and queued again, since their job may be gone; and this instance's failed
     * attempts whose outcome could not be written, written now. Returns how many were queued
     * again for a dead instance.
     */
    async settleDead(): Promise<number> {
      for (const [emailId, { attempt, lastError }] of unsettled) {
        // Marked as being sent meanwhile, so no delivery of it starts in this process.
        if (sending.has(emailId)) continue;
        sending.add(emailId);
        try {
          await settleFailure(emailId, attempt, lastError);
          unsettled.delete(emailId);
        } finally {
          sending.delete(emailId);
        }
      }
      return db.transaction(async (tx) => {
        const freed = await tx
          .update(outboundEmails)
          .set({ sendingBy: null })
          .where(
            and(
              eq(outboundEmails.status, "pending"),
              isNotNull(outboundEmails.sendingBy),
              ownerIsDead(outboundEmails.sendingBy, leaseMs),
            ),
          )
          .returning({ id: outboundEmails.id });
        for (const { id } of freed) await queue.send(tx, "email", { emailId: id });
        if (freed.length > 0) {
          getLogger().warn(
            { event: "email.requeued", count: freed.length },
            "Emails queued again: the instance sending them stopped",
          );
        }
        return freed.length;
      });
    },

    /** The deliveries under way in this process: a stop waits for them (lib/runtime/shutdown.ts). */
    running(): Promise<void>[] {
      return [...deliveries];
    },

    /**
     * Gives up every email pending for more than a day and erases its body (the heartbeat
     * calls it): a link waiting that long is stale, and should not sit in the database.
     */
    async prune(): Promise<number> {
      const cutoff = new Date(now().getTime() - EMAIL_MAX_AGE_MS);
      const given = await db
        .update(outboundEmails)
        .set(givenUpRow(EXPIRED))
        .where(and(eq(outboundEmails.status, "pending"), lt(outboundEmails.createdAt, cutoff)))
        .returning({ id: outboundEmails.id });
      if (given.length > 0) {
        getLogger().warn(
          { event: "email.expired", count: given.length },
          "Emails given up: pending for more than a day",
        );
      }
      return given.length;
    },

    /** How an email went, by id. */
    async state(emailId: string): Promise<EmailState | null> {
      const [row] = await db
        .select({
          id: outboundEmails.id,
          status: outboundEmails.status,
          createdAt: outboundEmails.createdAt,
        })
        .from(outboundEmails)
        .where(eq(outboundEmails.id, emailId));
      return row ?? null;
    },

    /** The latest email of a kind to an address, if any. */
    async latest(to: string, kind: EmailKind): Promise<EmailState | null> {
      const [row] = await db
        .select({
          id: outboundEmails.id,
          status: outboundEmails.status,
          createdAt: outboundEmails.createdAt,
        })
        .from(outboundEmails)
        .where(and(eq(outboundEmails.to, to.toLowerCase()), eq(outboundEmails.kind, kind)))
        .orderBy(desc(outboundEmails.createdAt))
        .limit(1);
      return row ?? null;
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
