/**
 * Invitations by email on both engines: the email and its job are written in the invitation's
 * transaction (an invitation rolled back sends nothing), the real SMTP server receives the link,
 * "Reenviar" replaces the link, and accepting needs a verified address.
 */
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditService } from "@/lib/audit/service";
import { createThrottleService } from "@/lib/auth/throttle";
import { createBusinessesService } from "@/lib/businesses/service";
import type { DatabaseHandle } from "@/lib/db/client";
import { hashToken } from "@/lib/auth/tokens";
import { invitations, memberships, outboundEmails, users } from "@/lib/db/schema";
import type { MailService } from "@/lib/mail/service";
import { startMailHarness, type MailHarness } from "@/lib/testing/mail-harness";
import type { Mailbox } from "@/lib/testing/mailbox";
import { databaseEngines } from "@/lib/testing/test-database";
import { invitationLimits } from "./limits";
import {
  createMembersService,
  invitationMessages,
  unverifiedInviterMessage,
  unverifiedMessage,
} from "./service";

const BASE_URL = "http://tablero.test";
const LIFETIME_MS = 7 * 24 * 3_600_000;

describe.each(databaseEngines())("invitations by email on $name", (engine) => {
  let harness: MailHarness;
  let handle: DatabaseHandle;
  let mailbox: Mailbox;
  let mail: MailService;

  beforeAll(async () => {
    harness = await startMailHarness(engine, { baseUrl: BASE_URL });
    ({ handle, mailbox, mail } = harness);
  });
  afterAll(() => harness?.close());

  function members(audit = createAuditService({ db: handle.db })) {
    return createMembersService({
      db: handle.db,
      audit,
      mail,
      throttle: createThrottleService({ db: handle.db, now: () => new Date() }),
      invitationLifetimeMs: LIFETIME_MS,
    });
  }

  async function user(name: string, verified = true) {
    const email = `${name.toLowerCase()}.${randomBytes(4).toString("hex")}@tablero.test`;
    const [row] = await handle.db
      .insert(users)
      .values({
        name,
        email,
        passwordHash: "not-a-hash",
        emailVerifiedAt: verified ? new Date() : null,
      })
      .returning({ id: users.id, email: users.email });
    return row!;
  }

  async function business() {
    const owner = await user("Dueña");
    const businessId = await createBusinessesService({
      db: handle.db,
      keyring: new Map([[1, randomBytes(32)]]),
    }).insertBusiness(owner.id, {
      razonSocial: "Ferretería Centro S.R.L.",
      cuit: "20055361682",
      credentials: { apikey: "1", apitoken: "a", usertoken: "b" },
    });
    return { businessId, owner };
  }

  /** pg-boss's `email` jobs for this email, as any instance's worker would find them. */
  async function emailJobs(emailId: string): Promise<number> {
    const result = (await handle.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'email' and data->>'emailId' = ${emailId}`,
    )) as unknown as { rows: { n: number }[] };
    return result.rows[0]!.n;
  }

  async function emailsTo(to: string) {
    return handle.db.select().from(outboundEmails).where(eq(outboundEmails.to, to));
  }

  it("invite writes the email and its job with the invitation; the invitee receives the link", async () => {
    const { businessId, owner } = await business();
    const invitee = await user("Invitada");
    const { token } = await members().invite({
      businessId,
      invitedBy: owner.id,
      email: invitee.email,
      role: "accountant",
    });

    const [invitation] = await handle.db
      .select()
      .from(invitations)
      .where(eq(invitations.businessId, businessId));
    const [email] = await emailsTo(invitee.email);
    expect(email).toMatchObject({ kind: "invitation", status: "pending" });
    expect(invitation!.emailId).toBe(email!.id);
    expect(await emailJobs(email!.id)).toBe(1);

    // Delivered as the queue's worker does it, to the real SMTP server.
    await mail.deliver(email!.id);
    const received = await mailbox.waitFor(invitee.email, {
      subject: /^Te invitaron a una empresa en Tablero$/,
    });
    expect(received.links).toContain(`${BASE_URL}/invitacion/${token}`);
    expect(received.text).toContain("como Contador");
    expect((await mail.state(email!.id))?.status).toBe("sent");
  });

  it("an invitation rolled back leaves no email and no job", async () => {
    const { businessId, owner } = await business();
    const invitee = await user("Revertida");
    const failingAudit = {
      // The last write of the invitation's transaction fails: everything before it must go.
      recordAudit: () => Promise.reject(new Error("audit_events no disponible")),
    };
    await expect(
      members(failingAudit as unknown as ReturnType<typeof createAuditService>).invite({
        businessId,
        invitedBy: owner.id,
        email: invitee.email,
        role: "viewer",
      }),
    ).rejects.toThrow("audit_events no disponible");
    expect(await emailsTo(invitee.email)).toEqual([]);
    expect(
      await handle.db.select().from(invitations).where(eq(invitations.businessId, businessId)),
    ).toEqual([]);
    const jobs = (await handle.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'email'
          and data->>'emailId' not in (select id::text from outbound_emails)`,
    )) as unknown as { rows: { n: number }[] };
    expect(jobs.rows[0]!.n).toBe(0);
  });

  it("re-sending gives a new link and a new email; the old link is refused", async () => {
    const { businessId, owner } = await business();
    const invitee = await user("Reenviada");
    const first = await members().invite({
      businessId,
      invitedBy: owner.id,
      email: invitee.email,
      role: "viewer",
    });
    const [pending] = await members().listPendingInvitations(businessId);
    const again = await members().resendInvitation({
      businessId,
      invitationId: pending!.id,
      userId: owner.id,
    });
    expect(again.token).not.toBe(first.token);
    expect(again.email).toBe(invitee.email);

    const emails = await emailsTo(invitee.email);
    expect(emails).toHaveLength(2);
    const [row] = await handle.db
      .select()
      .from(invitations)
      .where(eq(invitations.businessId, businessId));
    const latest = emails.find((e) => e.id === row!.emailId)!;
    expect(await emailJobs(latest.id)).toBe(1);
    await mail.deliver(latest.id);
    const received = await mailbox.waitFor(invitee.email, {
      subject: /^Te invitaron a una empresa/,
    });
    expect(received.links).toContain(`${BASE_URL}/invitacion/${again.token}`);

    await expect(members().acceptInvitation(first.token, invitee)).rejects.toMatchObject({
      code: "not_found",
      message: invitationMessages.not_found,
    });
    await expect(members().acceptInvitation(again.token, invitee)).resolves.toEqual({
      businessId,
    });
    // No longer pending: nothing to re-send.
    await expect(
      members().resendInvitation({ businessId, invitationId: pending!.id, userId: owner.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("re-sending is scoped to the business named: another business's invitation is not found", async () => {
    const mine = await business();
    const theirs = await business();
    const ajena = `ajena.${randomBytes(4).toString("hex")}@example.com`;
    await members().invite({
      businessId: theirs.businessId,
      invitedBy: theirs.owner.id,
      email: ajena,
      role: "viewer",
    });
    const [pending] = await members().listPendingInvitations(theirs.businessId);
    await expect(
      members().resendInvitation({
        businessId: mine.businessId,
        invitationId: pending!.id,
        userId: mine.owner.id,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await emailsTo(ajena)).toHaveLength(1);
  });

  it("accepting needs the invited address verified; once verified it works", async () => {
    const { businessId, owner } = await business();
    const invitee = await user("Sinconfirmar", false);
    const { token } = await members().invite({
      businessId,
      invitedBy: owner.id,
      email: invitee.email,
      role: "accountant",
    });
    await expect(members().acceptInvitation(token, invitee)).rejects.toMatchObject({
      code: "conflict",
      message: unverifiedMessage,
    });
    expect(
      await handle.db.select().from(memberships).where(eq(memberships.userId, invitee.id)),
    ).toEqual([]);
    // Still pending: the link works once the address is confirmed.
    expect((await members().invitationInfo(token, invitee.email)).state).toBe("pending");
    await handle.db
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(users.id, invitee.id));
    await expect(members().acceptInvitation(token, invitee)).resolves.toEqual({ businessId });
  });

  /** Every invitation of a business, whatever its state. */
  const invitationsOf = (businessId: string) =>
    handle.db.select().from(invitations).where(eq(invitations.businessId, businessId));

  it("an owner who has not confirmed their own email can neither invite nor re-send; nothing is written", async () => {
    const { businessId, owner } = await business();
    const invitee = await user("Destino");
    const sent = await members().invite({
      businessId,
      invitedBy: owner.id,
      email: invitee.email,
      role: "viewer",
    });
    expect(sent.email).toBe(invitee.email);
    const [pending] = await members().listPendingInvitations(businessId);

    // Their address is no longer confirmed (a made-up one, or changed since).
    await handle.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, owner.id));
    expect(await members().canInvite(owner.id)).toBe(false);
    const other = await user("Otra");
    await expect(
      members().invite({ businessId, invitedBy: owner.id, email: other.email, role: "viewer" }),
    ).rejects.toMatchObject({ code: "forbidden", message: unverifiedInviterMessage });
    await expect(
      members().resendInvitation({ businessId, invitationId: pending!.id, userId: owner.id }),
    ).rejects.toMatchObject({ code: "forbidden", message: unverifiedInviterMessage });
    expect(unverifiedInviterMessage).toBe("Confirmá tu email antes de invitar a otras personas.");

    expect(await emailsTo(other.email)).toEqual([]);
    expect(await emailsTo(invitee.email)).toHaveLength(1);
    const rows = await invitationsOf(businessId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(sent.token));
  });

  it("invitation emails to one address are limited across businesses, re-sending included; the one over is refused with the wait", async () => {
    const invitee = await user("Buscada");
    const free = invitationLimits.to.free;
    const first = await business();
    await members().invite({
      businessId: first.businessId,
      invitedBy: first.owner.id,
      email: invitee.email,
      role: "viewer",
    });
    const [pending] = await members().listPendingInvitations(first.businessId);
    await members().resendInvitation({
      businessId: first.businessId,
      invitationId: pending!.id,
      userId: first.owner.id,
    });
    for (let i = 2; i < free; i++) {
      const other = await business();
      await members().invite({
        businessId: other.businessId,
        invitedBy: other.owner.id,
        email: invitee.email.toUpperCase(),
        role: "viewer",
      });
    }
    expect(await emailsTo(invitee.email)).toHaveLength(free);

    const last = await business();
    await expect(
      members().invite({
        businessId: last.businessId,
        invitedBy: last.owner.id,
        email: invitee.email,
        role: "viewer",
      }),
    ).rejects.toMatchObject({
      code: "invalid",
      message: "Se enviaron demasiadas invitaciones seguidas. Probá de nuevo en 60 minutos.",
    });
    await expect(
      members().resendInvitation({
        businessId: first.businessId,
        invitationId: pending!.id,
        userId: first.owner.id,
      }),
    ).rejects.toMatchObject({ message: /Probá de nuevo en \d+ minutos/ });
    // Refused before anything was written: no invitation, no email, the old link still set.
    expect(await invitationsOf(last.businessId)).toEqual([]);
    expect(await emailsTo(invitee.email)).toHaveLength(free);
    expect(await invitationsOf(first.businessId)).toHaveLength(1);
  });

  it("invitation emails from one business are limited, whichever addresses they go to", async () => {
    const { businessId, owner } = await business();
    const free = invitationLimits.business.free;
    for (let i = 0; i < free; i++) {
      await members().invite({
        businessId,
        invitedBy: owner.id,
        email: `lista.${i}.${randomBytes(3).toString("hex")}@tablero.test`,
        role: "viewer",
      });
    }
    const over = `lista.over.${randomBytes(3).toString("hex")}@tablero.test`;
    await expect(
      members().invite({ businessId, invitedBy: owner.id, email: over, role: "viewer" }),
    ).rejects.toMatchObject({
      code: "invalid",
      message: "Se enviaron demasiadas invitaciones seguidas. Probá de nuevo en 60 minutos.",
    });
    expect(await invitationsOf(businessId)).toHaveLength(free);
    expect(await emailsTo(over)).toEqual([]);
    // Another business is not held back by this one.
    const other = await business();
    await members().invite({
      businessId: other.businessId,
      invitedBy: other.owner.id,
      email: over,
      role: "viewer",
    });
    expect(await emailsTo(over)).toHaveLength(1);
  });
});
