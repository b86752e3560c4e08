/**
 * Email as shared work: the instance handing an email to the SMTP server holds it, and when
 * that instance dies mid-conversation, another sends it once its lease is over, not after the
 * queue's minute.
 */
import { heldEmails, holdEmails, emailsTo, waitForEmail } from "../mailbox";
import { newUser, openVerificationLink, submitSignUp } from "../fixtures";
import { waitExit } from "./cluster";
import { expect, test } from "./fixtures";
import type { InstanceName } from "./ports";

test.skip(!process.env.TEST_DATABASE_URL, "La suite de varias instancias necesita PostgreSQL.");

test("an instance killed (SIGKILL) while the SMTP server holds its email: another sends it, once", async ({
  page,
  cluster,
}) => {
  const instances = await cluster.ensure("A", "B");
  const user = newUser();
  // The SMTP server never answers the first message to this address.
  await holdEmails(1, user.email);
  await submitSignUp(page, user);
  await expect.poll(() => heldEmails(user.email), { message: "the server holds it" }).toBe(1);

  const sending = async () =>
    (
      await cluster.pool.query<{ status: string; attempts: number; sending_by: string | null }>(
        `select status, attempts, sending_by from outbound_emails where "to" = $1`,
        [user.email],
      )
    ).rows;
  const [held] = await sending();
  expect(held).toMatchObject({ status: "pending", attempts: 1 });
  const victim = instances.find((instance) => instance.id === held!.sending_by);
  expect(victim, `the email is claimed by A or B (${held!.sending_by})`).toBeDefined();

  cluster.signal(victim!.name as InstanceName, "SIGKILL");
  expect(await waitExit(victim!.pid, 5000), `${victim!.name} died of SIGKILL`).toBe(true);
  // The survivor's heartbeat finds the claim of a dead instance (lease: 3 s) and queues the
  // email again, within waitForEmail's 20 s: the queue alone hands a job out after a minute.
  await waitForEmail(user.email, /^Confirmá tu email/);

  expect(await sending()).toEqual([{ status: "sent", attempts: 2, sending_by: null }]);
  // Nothing more comes for it.
  await page.waitForTimeout(2000);
  expect(await emailsTo(user.email)).toHaveLength(1);
  await openVerificationLink(page, user);
});
