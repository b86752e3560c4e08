/**
 * Test-only: every exported server action, with who may call it. The expectations are written
 * here by hand, from the rules in `lib/auth/permissions.ts`'s comment, not read from that table:
 * loosening a permission there must make the matrix fail, not follow it.
 * `lib/auth/authorization-matrix.test.ts` checks that this list and the exports of
 * `lib/**\/actions.ts` are the same set.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import { expect } from "vitest";
import type { ActionErrorCode } from "@/lib/actions/result";
import { isoToDmy } from "@/lib/clientes/tusfacturas-import/range";
import { todayIso } from "@/lib/format";
import {
  clientImports,
  ivaBatches,
  ivaRequests,
  memberships,
  recoveryCodes,
  users,
  type Role,
} from "@/lib/db/schema";
import {
  ACCOUNT,
  BUSINESS_CUIT,
  CLIENT_CUIT,
  eventually,
  NEW_CLIENT_CUIT,
  type Actor,
  type Fixture,
  type World,
} from "./authorization-harness";

export type Outcome = "ok" | ActionErrorCode;

/** Built with `businessAction`: session → membership → the role's permission → zod. */
export type BusinessEntry = {
  kind: "business";
  /** The roles that may run it; everyone else is refused and nothing changes. */
  allowed: readonly Role[];
  /** Whether an allowed call (on the fixture, whose copies are stale) calls TusFacturas. */
  callsUpstream?: true;
  /** An allowed call makes free lookups (facturacion/consulta*), which `callsUpstream` leaves out. */
  looksUp?: true;
  /** A valid input on the fixture's business: a refusal can only come from authorization. */
  input: (fx: Fixture) => { businessId: unknown } & Record<string, unknown>;
  /** The outsider naming their own business with this business's rows: must reach none. */
  crossTenant?: (fx: Fixture) => Record<string, unknown>;
  /** Sensitive: an allowed caller whose sign-in is over 10 minutes old must confirm first. */
  reauth?: true;
  /** Reads only (a preview): an allowed call answers and changes nothing. */
  readOnly?: true;
  /** After an allowed call: waits for the background work it started, before the state check. */
  settle?: (context: { world: World; fx: Fixture }) => Promise<void>;
};

type AfterOk = (context: {
  world: World;
  fx: Fixture;
  actor: Actor;
  data: unknown;
}) => Promise<void>;

/** Built with `userAction`: needs a session, no business; scopes its data to the user itself. */
export type UserEntry = {
  kind: "user";
  input: (fx: Fixture) => unknown;
  expect: Record<Actor, Outcome>;
  /** After an "ok": waits for background work and checks what the answer reached. */
  afterOk?: AfterOk;
  /** Sensitive: with a sign-in over 10 minutes old, every signed-in caller must confirm first. */
  reauth?: true;
};

/** Anyone may call it (there is no user yet, or it only ends the caller's own session). */
export type PublicEntry = { kind: "public"; reason: string };

export type MatrixEntry = BusinessEntry | UserEntry | PublicEntry;

const OWNER = ["owner"] as const;
const WORKERS = ["owner", "accountant"] as const;

const biz = (fx: Fixture) => ({ businessId: fx.businessId });
/** A file for «Importar desde un archivo» with one client new to the fixture's cartera. */
const clientFile = () =>
  new File([`CUIT;Razón social\r\n${NEW_CLIENT_CUIT};Cliente importado\r\n`], "clientes.csv", {
    type: "text/csv",
  });

export const actionMatrix: Record<string, MatrixEntry> = {
  "lib/auth/actions.ts#signInWithPassword": {
    kind: "public",
    reason: "Signing in: there is no session yet; Auth.js checks the password.",
  },
  "lib/auth/actions.ts#signUp": {
    kind: "public",
    reason: "Creating an account: there is no session yet; it creates only the caller's user.",
  },
  "lib/auth/actions.ts#signOutAction": {
    kind: "public",
    reason: "Ends the caller's own session cookie; reads and changes no data.",
  },
  "lib/auth/actions.ts#requestPasswordReset": {
    kind: "public",
    reason:
      "«¿Olvidaste tu contraseña?»: there is no session; the link goes only to the address itself, " +
      "and the answer is the same for every address (limited per address and per connection).",
  },
  "lib/auth/actions.ts#resetPassword": {
    kind: "public",
    reason:
      "The emailed link is the credential: its token (1 h, single use, only the latest) names the " +
      "account; it changes only that account's password and ends its sessions.",
  },

  "lib/businesses/actions.ts#createBusiness": {
    kind: "user",
    input: (fx) => ({ razonSocial: `Nueva ${fx.tag}`, cuit: BUSINESS_CUIT, ...ACCOUNT }),
    expect: {
      owner: "ok",
      accountant: "ok",
      viewer: "ok",
      outsider: "ok",
      signedOut: "unauthenticated",
    },
    async afterOk({ world, fx, actor, data }) {
      const { businessId } = data as { businessId: string };
      expect(data).toMatchObject({ verified: true });
      // The new business has one member: its creator, as owner.
      expect(
        await world.db
          .select({ userId: memberships.userId, role: memberships.role })
          .from(memberships)
          .where(eq(memberships.businessId, businessId)),
      ).toEqual([{ userId: fx.users[actor as "owner"].id, role: "owner" }]);
    },
  },
  "lib/businesses/actions.ts#replaceCredentials": {
    kind: "business",
    allowed: OWNER,
    callsUpstream: true,
    input: (fx) => ({ ...biz(fx), ...ACCOUNT }),
    reauth: true,
  },
  "lib/businesses/actions.ts#removeCredentials": {
    kind: "business",
    allowed: OWNER,
    input: biz,
    reauth: true,
  },
  "lib/businesses/actions.ts#deleteBusiness": {
    kind: "business",
    allowed: OWNER,
    input: biz,
    reauth: true,
  },
  "lib/spending/actions.ts#setRequestBudget": {
    kind: "business",
    allowed: OWNER,
    // Raising it (the default is 20 on the fixture) lowers a protection: confirm first.
    input: (fx) => ({ businessId: fx.businessId, budget: "40" }),
    reauth: true,
  },

  "lib/consumo/actions.ts#refreshConsumo": {
    kind: "business",
    allowed: WORKERS,
    callsUpstream: true,
    input: biz,
  },

  "lib/clientes/actions.ts#addClient": {
    kind: "business",
    allowed: WORKERS,
    input: (fx) => ({ ...biz(fx), cuit: NEW_CLIENT_CUIT, nombre: "Cliente nuevo" }),
  },
  "lib/clientes/actions.ts#updateClient": {
    kind: "business",
    allowed: WORKERS,
    input: (fx) => ({ ...biz(fx), clientId: fx.clientId, cuit: CLIENT_CUIT, nombre: "Renombrado" }),
    crossTenant: (fx) => ({
      businessId: fx.outsiderBusinessId,
      clientId: fx.clientId,
      cuit: CLIENT_CUIT,
      nombre: "Robado",
    }),
  },
  "lib/clientes/actions.ts#removeClient": {
    kind: "business",
    allowed: WORKERS,
    input: (fx) => ({ ...biz(fx), clientId: fx.clientId }),
    crossTenant: (fx) => ({ businessId: fx.outsiderBusinessId, clientId: fx.clientId }),
  },

  "lib/clientes/actions.ts#previewClientImport": {
    kind: "business",
    allowed: WORKERS,
    readOnly: true,
    input: (fx) => ({ ...biz(fx), file: clientFile() }),
  },
  "lib/clientes/actions.ts#importClients": {
    kind: "business",
    allowed: WORKERS,
    input: (fx) => ({ ...biz(fx), file: clientFile() }),
  },
  "lib/clientes/tusfacturas-import/actions.ts#startClientImport": {
    kind: "business",
    allowed: WORKERS,
    // Today only: one free lookup, walked in the background.
    looksUp: true,
    input: (fx) => ({ ...biz(fx), desde: today(), hasta: today() }),
    settle: importSettled,
  },
  "lib/clientes/tusfacturas-import/actions.ts#cancelClientImport": {
    kind: "business",
    allowed: WORKERS,
    input: (fx) => ({ ...biz(fx), importId: fx.importId }),
    crossTenant: (fx) => ({ businessId: fx.outsiderBusinessId, importId: fx.importId }),
  },
  "lib/clientes/tusfacturas-import/actions.ts#resumeClientImport": {
    kind: "business",
    allowed: WORKERS,
    // The fixture's import failed before its one day: resuming walks it.
    looksUp: true,
    input: (fx) => ({ ...biz(fx), importId: fx.importId }),
    crossTenant: (fx) => ({ businessId: fx.outsiderBusinessId, importId: fx.importId }),
    settle: importSettled,
  },
  "lib/clientes/tusfacturas-import/actions.ts#importFoundClients": {
    kind: "business",
    allowed: WORKERS,
    input: (fx) => ({ ...biz(fx), importId: fx.importId, cuits: [NEW_CLIENT_CUIT] }),
    crossTenant: (fx) => ({
      businessId: fx.outsiderBusinessId,
      importId: fx.importId,
      cuits: [NEW_CLIENT_CUIT],
    }),
  },

  "lib/cuenta-corriente/actions.ts#refreshCuentaCorriente": {
    kind: "business",
    allowed: WORKERS,
    callsUpstream: true,
    input: (fx) => ({ ...biz(fx), cuit: CLIENT_CUIT }),
  },

  "lib/iva/actions.ts#requestIvaReport": {
    kind: "business",
    allowed: WORKERS,
    callsUpstream: true,
    input: (fx) => ({
      ...biz(fx),
      ...fx.period,
      email: `reportes-${fx.tag}@tablero.test`,
      requestKey: randomUUID(),
      send: true,
      repeatOf: null,
    }),
  },
  "lib/iva/actions.ts#startIvaBatch": {
    kind: "user",
    input: (fx) => ({
      ...fx.period,
      email: `reportes-${fx.tag}@tablero.test`,
      businessIds: [fx.businessId],
      requestKey: randomUUID(),
      send: true,
      repeat: false,
    }),
    // Lectura may not request; a business the user is not a member of does not exist.
    expect: {
      owner: "ok",
      accountant: "ok",
      viewer: "forbidden",
      outsider: "not_found",
      signedOut: "unauthenticated",
    },
    async afterOk({ world, data }) {
      expect(data).toMatchObject({ kind: "started" });
      const { batchId } = data as { batchId: string };
      // The run goes on in the background: let it finish before the next case looks.
      await eventually(async () => {
        const [run] = await world.db
          .select({ id: ivaBatches.id })
          .from(ivaBatches)
          .where(and(eq(ivaBatches.id, batchId), isNotNull(ivaBatches.finishedAt)));
        return Boolean(run);
      });
      const items = await world.db
        .select({ status: ivaRequests.status })
        .from(ivaRequests)
        .where(eq(ivaRequests.batchId, batchId));
      expect(items).toEqual([{ status: "sent" }]);
    },
  },
  "lib/members/actions.ts#inviteMember": {
    kind: "business",
    allowed: OWNER,
    input: (fx) => ({ ...biz(fx), email: `nueva-${fx.tag}@tablero.test`, role: "viewer" }),
    reauth: true,
  },
  "lib/members/actions.ts#resendInvitation": {
    kind: "business",
    allowed: OWNER,
    reauth: true,
    input: (fx) => ({ ...biz(fx), invitationId: fx.invitationId }),
    crossTenant: (fx) => ({ businessId: fx.outsiderBusinessId, invitationId: fx.invitationId }),
  },
  "lib/members/actions.ts#revokeInvitation": {
    kind: "business",
    allowed: OWNER,
    input: (fx) => ({ ...biz(fx), invitationId: fx.invitationId }),
    crossTenant: (fx) => ({ businessId: fx.outsiderBusinessId, invitationId: fx.invitationId }),
  },
  "lib/members/actions.ts#changeMemberRole": {
    kind: "business",
    allowed: OWNER,
    input: (fx) => ({ ...biz(fx), userId: fx.users.viewer.id, role: "accountant" }),
    crossTenant: (fx) => ({
      businessId: fx.outsiderBusinessId,
      userId: fx.users.owner.id,
      role: "viewer",
    }),
    reauth: true,
  },
  "lib/members/actions.ts#removeMember": {
    kind: "business",
    allowed: OWNER,
    input: (fx) => ({ ...biz(fx), userId: fx.users.viewer.id }),
    crossTenant: (fx) => ({ businessId: fx.outsiderBusinessId, userId: fx.users.viewer.id }),
    reauth: true,
  },
  "lib/members/actions.ts#acceptInvitation": {
    kind: "user",
    input: (fx) => ({ token: fx.invitationToken }),
    // The invitation is for the invitee's email: nobody else can use the link (see the
    // invitee's own case in authorization-user-actions.test.ts).
    expect: {
      owner: "conflict",
      accountant: "conflict",
      viewer: "conflict",
      outsider: "conflict",
      signedOut: "unauthenticated",
    },
  },

  "lib/account/actions.ts#changePassword": {
    kind: "user",
    // The current password is never right here: refused before anything changes.
    input: () => ({
      current: "no-es-la-contraseña",
      next: "tranvía-cometa-azulejo-41",
      confirm: "tranvía-cometa-azulejo-41",
    }),
    expect: {
      owner: "invalid",
      accountant: "invalid",
      viewer: "invalid",
      outsider: "invalid",
      signedOut: "unauthenticated",
    },
  },
  "lib/sessions/actions.ts#endSession": {
    kind: "user",
    // No one's session: ending another user's is checked in authorization-user-actions.test.ts.
    input: () => ({ sessionId: "00000000-0000-4000-8000-000000000000" }),
    expect: {
      owner: "not_found",
      accountant: "not_found",
      viewer: "not_found",
      outsider: "not_found",
      signedOut: "unauthenticated",
    },
  },
  "lib/sessions/actions.ts#endOtherSessions": {
    kind: "user",
    input: () => ({}),
    expect: {
      owner: "ok",
      accountant: "ok",
      viewer: "ok",
      outsider: "ok",
      signedOut: "unauthenticated",
    },
  },
  "lib/sessions/actions.ts#confirmIdentity": {
    kind: "user",
    // Never the password (fixture users have none that verifies): refused, nothing changes but
    // the failed-attempt count (the throttles table, which the state check leaves out).
    input: () => ({ password: "no-es-la-contraseña", code: "123456" }),
    expect: {
      owner: "invalid",
      accountant: "invalid",
      viewer: "invalid",
      outsider: "invalid",
      signedOut: "unauthenticated",
    },
  },

  // The fixture's owner has two-factor on; the other users do not.
  "lib/two-factor/actions.ts#beginTwoFactorSetup": {
    kind: "user",
    // Turning it on ends the other sessions: a borrowed session must not enrol its own app.
    reauth: true,
    input: () => ({}),
    expect: {
      owner: "conflict",
      accountant: "ok",
      viewer: "ok",
      outsider: "ok",
      signedOut: "unauthenticated",
    },
    async afterOk({ world, fx, actor, data }) {
      expect(data).toMatchObject({ secret: expect.stringMatching(/^[A-Z2-7]{32}$/) });
      // Only the caller's own row holds a (sealed) key, not yet in force.
      const rows = await world.db
        .select({ id: users.id, sealed: users.totpSealed, on: users.totpEnabledAt })
        .from(users)
        .where(eq(users.id, fx.users[actor as "accountant"].id));
      expect(rows).toEqual([{ id: expect.any(String), sealed: expect.any(String), on: null }]);
      expect(rows[0]!.sealed).not.toContain((data as { secret: string }).secret);
    },
  },
  "lib/two-factor/actions.ts#confirmTwoFactorSetup": {
    kind: "user",
    // The owner's is already on; nobody else has started: no key to check a code against.
    input: () => ({ code: "123456", setupId: "ninguna" }),
    expect: {
      owner: "conflict",
      accountant: "conflict",
      viewer: "conflict",
      outsider: "conflict",
      signedOut: "unauthenticated",
    },
  },
  "lib/two-factor/actions.ts#regenerateRecoveryCodes": {
    kind: "user",
    reauth: true,
    input: () => ({}),
    expect: {
      owner: "ok",
      accountant: "conflict",
      viewer: "conflict",
      outsider: "conflict",
      signedOut: "unauthenticated",
    },
    async afterOk({ world, fx, data }) {
      const { recoveryCodes: shown } = data as { recoveryCodes: string[] };
      expect(shown).toHaveLength(10);
      const stored = await world.db
        .select({ hash: recoveryCodes.codeHash })
        .from(recoveryCodes)
        .where(eq(recoveryCodes.userId, fx.users.owner.id));
      expect(stored).toHaveLength(10);
      for (const code of shown) expect(stored.map((row) => row.hash)).not.toContain(code);
    },
  },
  "lib/two-factor/actions.ts#disableTwoFactor": {
    kind: "user",
    reauth: true,
    input: () => ({}),
    expect: {
      owner: "ok",
      accountant: "ok",
      viewer: "ok",
      outsider: "ok",
      signedOut: "unauthenticated",
    },
    async afterOk({ world, fx, actor }) {
      const id = fx.users[actor as "owner"].id;
      const [row] = await world.db
        .select({ sealed: users.totpSealed, on: users.totpEnabledAt })
        .from(users)
        .where(eq(users.id, id));
      expect(row).toEqual({ sealed: null, on: null });
      expect(
        await world.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id)),
      ).toEqual([]);
    },
  },
  "lib/two-factor/actions.ts#setRequireTwoFactor": {
    kind: "business",
    allowed: OWNER,
    input: (fx) => ({ ...biz(fx), required: true }),
  },

  "lib/verification/actions.ts#resendVerification": {
    kind: "user",
    input: () => ({}),
    // Only the caller's own address: the fixture's people are verified, so nothing is sent (an
    // unverified caller's new link is in lib/verification/service.test.ts).
    expect: {
      owner: "ok",
      accountant: "ok",
      viewer: "ok",
      outsider: "ok",
      signedOut: "unauthenticated",
    },
    async afterOk({ data }) {
      expect(data).toEqual({ status: "verified" });
    },
  },
};

/** Today in Buenos Aires, as the import form takes it. */
function today(): string {
  return isoToDmy(todayIso());
}

/** Waits until no import of the fixture's business is running. */
async function importSettled({ world, fx }: { world: World; fx: Fixture }): Promise<void> {
  await eventually(async () => {
    const running = await world.db
      .select({ id: clientImports.id })
      .from(clientImports)
      .where(and(eq(clientImports.businessId, fx.businessId), eq(clientImports.status, "running")));
    return running.length === 0;
  });
}

/** What a business action must answer `actor`, from the entry's allowed roles. */
export function businessOutcome(entry: BusinessEntry, actor: Actor): Outcome {
  if (actor === "signedOut") return "unauthenticated";
  if (actor === "outsider") return "not_found";
  return entry.allowed.includes(actor) ? "ok" : "forbidden";
}

export function entriesOf<K extends MatrixEntry["kind"]>(kind: K) {
  return Object.entries(actionMatrix).filter(
    (pair): pair is [string, Extract<MatrixEntry, { kind: K }>] => pair[1].kind === kind,
  );
}
