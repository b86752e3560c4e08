/**
 * Test-only: email as Tablero sends it, on a database of `engine`: the real job queue, the
 * mail service and a real SMTP server (lib/testing/mailbox.ts) receiving what it sends.
 */
import { randomBytes } from "node:crypto";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { createMailService, type MailService } from "@/lib/mail/service";
import { createSmtpTransport, type MailTransport } from "@/lib/mail/transport";
import type { Keyring } from "@/lib/crypto/secrets";
import type { DatabaseHandle } from "@/lib/db/client";
import { startMailbox, type Mailbox } from "./mailbox";
import type { DatabaseEngine } from "./test-database";

export const MAIL_FROM = "Tablero <no-responder@tablero.test>";

export type MailHarness = {
  handle: DatabaseHandle;
  queue: JobQueue;
  mailbox: Mailbox;
  transport: MailTransport;
  mail: MailService;
  /** The keyring the email bodies are sealed with. */
  keyring: Keyring;
  close(): Promise<void>;
};

/**
 * With `work`, this process's queue worker delivers every email as the app's does; without,
 * the test delivers them itself (`mail.deliver`) when it chooses.
 */
export async function startMailHarness(
  engine: DatabaseEngine,
  {
    baseUrl,
    attempts = 3,
    work = false,
    keyring = new Map([[1, randomBytes(32)]]),
  }: { baseUrl: string; attempts?: number; work?: boolean; keyring?: Keyring },
): Promise<MailHarness> {
  const [handle, mailbox] = await Promise.all([engine.open(), startMailbox()]);
  const queue = await startJobQueue(handle, {
    maintenanceSeconds: 1,
    expireSeconds: 30,
    emailAttempts: attempts,
    emailRetrySeconds: 1,
  });
  const transport = createSmtpTransport(mailbox.smtpUrl, MAIL_FROM);
  const mail = createMailService({
    db: handle.db,
    queue,
    transport,
    baseUrl,
    attempts,
    retrySeconds: 1,
    // An instance on record nowhere: its claims look dead to any other, never to itself.
    instance: { id: `mail-harness-${randomBytes(4).toString("hex")}` },
    leaseMs: 30_000,
    keyring,
  });
  if (work) await queue.work("email", ({ emailId }) => mail.deliver(emailId));
  return {
    handle,
    queue,
    mailbox,
    transport,
    mail,
    keyring,
    async close() {
      await queue.stop();
      transport.close();
      await Promise.all([handle.close(), mailbox.close()]);
    },
  };
}
