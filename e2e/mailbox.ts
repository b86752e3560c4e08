import { expect } from "@playwright/test";
import type { ReceivedEmail } from "../lib/testing/mailbox";

/** The tests' SMTP server (scripts/test-mailbox.ts), started by playwright.config.ts. */
const MAILBOX_URL = () => process.env.E2E_MAILBOX_URL!;

/** Every email the SMTP server received for `to`, oldest first. */
export async function emailsTo(to: string): Promise<ReceivedEmail[]> {
  const response = await fetch(`${MAILBOX_URL()}/messages?to=${encodeURIComponent(to)}`);
  return (await response.json()) as ReceivedEmail[];
}

/**
 * The email to `to` whose subject matches, once the SMTP server has it (Tablero sends in the
 * background). With `count`, waits for that many such emails and returns the last.
 */
export async function waitForEmail(
  to: string,
  subject: RegExp,
  { count = 1 }: { count?: number } = {},
): Promise<ReceivedEmail> {
  let found: ReceivedEmail[] = [];
  await expect
    .poll(
      async () => {
        found = (await emailsTo(to)).filter((m) => subject.test(m.subject));
        return found.length;
      },
      { timeout: 20_000, message: `un email a ${to} con asunto ${subject}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found[count - 1]!;
}

/** The link in an email's plain-text part that goes to `path` (e.g. "/verificar/"). */
export function linkIn(email: ReceivedEmail, path: string): string {
  const link = email.links.find((l) => new URL(l).pathname.startsWith(path));
  if (!link) throw new Error(`El email "${email.subject}" no tiene un enlace a ${path}`);
  return link;
}

/**
 * The SMTP server refuses its next `count` messages (a provider's outage); with `to`, only the
 * ones to that address, so spec files running in parallel are not affected.
 */
export async function refuseEmails(count: number, to?: string): Promise<void> {
  const only = to ? `&to=${encodeURIComponent(to)}` : "";
  await fetch(`${MAILBOX_URL()}/refuse?count=${count}${only}`, { method: "POST" });
}

/**
 * The SMTP server leaves the next `count` messages to `to` unanswered (a tarpit): the sender
 * waits until it gives up or its process dies.
 */
export async function holdEmails(count: number, to: string): Promise<void> {
  await fetch(`${MAILBOX_URL()}/hold?count=${count}&to=${encodeURIComponent(to)}`, {
    method: "POST",
  });
}

/** How many messages to `to` the SMTP server is holding right now (their senders waiting). */
export async function heldEmails(to: string): Promise<number> {
  const response = await fetch(`${MAILBOX_URL()}/held?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { held: number }).held;
}
