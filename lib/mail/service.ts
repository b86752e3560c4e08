import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { outboundEmails, type OutboundEmailStatus } from "@/lib/db/schema";
import type { JobQueue } from "@/lib/jobs/queue";
import { getLogger } from "@/lib/log";
import type { EmailKind, EmailMessage } from "./messages";
import type { MailTransport } from "./transport";

export type MailDeps = {
  db: Database;
  queue: Pick<JobQueue, "send">;
  /** null: no SMTP server configured, email is off. */
  transport: MailTransport | null;
  /** Tablero's public address, for the links in emails (`TABLERO_URL`). */
  baseUrl: string;
  /** Attempts before an email is given up (the queue retries in between). */
  attempts: number;
};

/** Why an email did not leave, for the operator's log and the row; users get their own words. */
const EMAIL_OFF = "email desactivado: SMTP_URL no está configurado";

export type EmailState = { id: string; status: OutboundEmailStatus; createdAt: Date };

/**
 * Email in the background: `enqueue` writes the message and its job in the caller's
 * transaction (a rolled-back invitation sends nothing), any instance delivers it, and a
 * failed attempt is retried by the queue until `attempts`. Once sent or given up, the body is
 * erased: its links carry tokens.
 */
export function createMailService({ db, queue, transport, baseUrl, attempts }: MailDeps) {
  return {
    /** Whether email can be sent at all (an SMTP server is configured). */
    enabled: transport !== null,

    /** An absolute link into Tablero for an email, from a path like `/verificar/…`. */
    link(path: string): string {
      return new URL(path, baseUrl).toString();
    },

    /** Queues `message` to `to` as part of `tx`; returns the email's id. */
    async enqueue(tx: Database, to: string, message: EmailMessage): Promise<string> {
      const [row] = await tx
        .insert(outboundEmails)
        .values({
          to: to.toLowerCase(),
          kind: message.kind,
          subject: message.subject,
          ...(transport
            ? { text: message.text, html: message.html }
            : { status: "failed" as const, lastError: EMAIL_OFF }),
        })
        .returning({ id: outboundEmails.id });
      if (transport) await queue.send(tx, "email", { emailId: row!.id });
      return row!.id;
    },

    /**
     * The job: sends the email once. A failure before the last attempt throws, so the queue
     * retries it; the last one marks it failed.
     */
    async deliver(emailId: string): Promise<void> {
      const [email] = await db.select().from(outboundEmails).where(eq(outboundEmails.id, emailId));
      if (!email || email.status !== "pending" || !transport) return;
      const attempt = email.attempts + 1;
      try {
        await transport.send({
          to: email.to,
          subject: email.subject,
          text: email.text ?? "",
          html: email.html ?? "",
        });
      } catch (error) {
        const lastError = String((error as Error).message ?? error).slice(0, 500);
        const givenUp = attempt >= attempts;
        await db
          .update(outboundEmails)
          .set({
            attempts: attempt,
            lastError,
            ...(givenUp && { status: "failed" as const, text: null, html: null }),
          })
          .where(eq(outboundEmails.id, emailId));
        getLogger().warn(
          { event: "email.failed", emailId, kind: email.kind, attempt, givenUp, err: error },
          givenUp ? "Email given up" : "Email attempt failed; retrying",
        );
        if (!givenUp) throw error;
        return;
      }
      await db
        .update(outboundEmails)
        .set({ status: "sent", attempts: attempt, sentAt: new Date(), text: null, html: null })
        .where(eq(outboundEmails.id, emailId));
      getLogger().info({ event: "email.sent", emailId, kind: email.kind }, "Email sent");
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
