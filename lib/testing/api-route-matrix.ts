/**
 * Test-only: every GET route under app/api that reads Tablero's data, with who may read it and
 * what they must get. Written by hand from the pages that show the same data (a route answers
 * exactly what its page would), not read from `lib/auth/permissions.ts`.
 * `lib/auth/authorization-api.test.ts` checks that this list and the route files are the same
 * set, and calls every route as every kind of caller.
 */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import {
  clientImportPath,
  consumoPath,
  cuentaCorrientePath,
  ivaBatchPath,
  movimientosPath,
  navigationSearchPath,
} from "@/lib/api/paths";
import { memberships } from "@/lib/db/schema";
import {
  CLIENT_CUIT,
  NEW_CLIENT_CUIT,
  type Actor,
  type Fixture,
  type World,
} from "./authorization-harness";

/** What the route is called with: its URL (path and query) and its dynamic segments. */
export type RouteCall = { url: string; params: Record<string, string> };

export type ApiRoute = {
  /** Under `/api/empresas/[businessId]`: authorized like the business's pages. */
  kind: "business" | "user";
  /** A valid request on the fixture: a refusal can only come from authorization. */
  call: (fx: Fixture, stored: StoredCopy) => RouteCall;
  /** Whether the request names a stored copy of the client's ledger (made before the call). */
  readsStoredCopy?: true;
  /** The status each kind of caller gets. */
  expect: Record<Actor, 200 | 401 | 404>;
  /**
   * Roles whose read refreshes the fixture's stale copy from TusFacturas first, as their visit
   * of the page does; every other read changes no row and calls nobody.
   */
  refreshesFor?: readonly Actor[];
  /** Checks a 200's JSON against what the caller may see. */
  check: (context: { world: World; fx: Fixture; actor: Actor; body: unknown }) => Promise<void>;
  /** Malformed segments or parameters, for the owner: each answers 400 or 404, nothing else. */
  malformed: [string, (fx: Fixture, stored: StoredCopy) => RouteCall, 400 | 404][];
};

/** A stored copy of the fixture client's ledger (the movements route reads one). */
export type StoredCopy = { snapshotId: string };

const MEMBERS_OK: ApiRoute["expect"] = {
  owner: 200,
  accountant: 200,
  viewer: 200,
  outsider: 404,
  signedOut: 401,
};
const WORKERS = ["owner", "accountant"] as const;

const segments = (fx: Fixture) => ({ businessId: fx.businessId });
const ledgerSegments = (fx: Fixture) => ({ businessId: fx.businessId, cuit: CLIENT_CUIT });
const businessIdsMalformed = (build: (businessId: string) => RouteCall): ApiRoute["malformed"] => [
  ["a business id that is not a uuid", () => build("not-a-uuid"), 404],
  ["a business that does not exist", () => build(crypto.randomUUID()), 404],
  ["the business's id upper-cased", (fx) => build(fx.businessId.toUpperCase()), 404],
  ["another user's business", (fx) => build(fx.outsiderBusinessId), 404],
];

/** Businesses the actor belongs to: the only ones an answer may mention. */
async function businessesOf(world: World, fx: Fixture, actor: Actor): Promise<string[]> {
  if (actor === "signedOut") return [];
  const rows = await world.db
    .select({ businessId: memberships.businessId })
    .from(memberships)
    .where(eq(memberships.userId, fx.users[actor].id));
  return rows.map((row) => row.businessId);
}

const B = "app/api/empresas/[businessId]";

export const apiRouteMatrix: Record<string, ApiRoute> = {
  [`${B}/consumo/route.ts`]: {
    kind: "business",
    call: (fx) => ({ url: consumoPath(fx.businessId), params: segments(fx) }),
    expect: MEMBERS_OK,
    refreshesFor: WORKERS,
    async check({ actor, body }) {
      // Lectura gets the stored copy (none yet); the others, the one their read stored.
      expect(body).toMatchObject({ credentials: { status: "verified" } });
      const snapshot = (body as { snapshot: unknown }).snapshot;
      if (actor === "viewer") expect(snapshot).toBeNull();
      else expect(snapshot).toMatchObject({ comprobantesCupo: expect.any(Number) });
    },
    malformed: businessIdsMalformed((businessId) => ({
      url: consumoPath(businessId),
      params: { businessId },
    })),
  },
  [`${B}/clientes/[cuit]/cuenta-corriente/route.ts`]: {
    kind: "business",
    call: (fx) => ({ url: cuentaCorrientePath(ledgerSegments(fx)), params: ledgerSegments(fx) }),
    expect: MEMBERS_OK,
    refreshesFor: WORKERS,
    async check({ fx, actor, body }) {
      expect(body).toMatchObject({ cliente: { id: fx.clientId, cuit: CLIENT_CUIT } });
      // Every member sees the stored due dates (Lectura too: reading them costs nothing).
      expect(body).toMatchObject({
        vencimientos: { byKey: expect.any(Object), pending: expect.any(Number) },
      });
      const snapshot = (body as { snapshot: unknown }).snapshot;
      if (actor === "viewer") expect(snapshot).toBeNull();
      else expect(snapshot).toMatchObject({ id: expect.any(String) });
    },
    malformed: [
      ...businessIdsMalformed((businessId) => ({
        url: cuentaCorrientePath({ businessId, cuit: CLIENT_CUIT }),
        params: { businessId, cuit: CLIENT_CUIT },
      })),
      [
        "a CUIT that is not one",
        (fx) => ({
          url: cuentaCorrientePath({ businessId: fx.businessId, cuit: "123" }),
          params: { businessId: fx.businessId, cuit: "123" },
        }),
        400,
      ],
      [
        "guardado other than 1",
        (fx) => ({
          url: `${cuentaCorrientePath(ledgerSegments(fx))}?guardado=si`,
          params: ledgerSegments(fx),
        }),
        400,
      ],
    ],
  },
  [`${B}/clientes/[cuit]/movimientos/route.ts`]: {
    kind: "business",
    call: (fx, { snapshotId }) => ({
      url: movimientosPath({ ...ledgerSegments(fx), snapshot: snapshotId }),
      params: ledgerSegments(fx),
    }),
    readsStoredCopy: true,
    expect: MEMBERS_OK,
    async check({ body }) {
      expect(body).toMatchObject({ v: 2, saldo: expect.any(Array) });
      expect((body as { saldo: number[] }).saldo.length).toBeGreaterThan(0);
    },
    malformed: [
      ...businessIdsMalformed((businessId) => ({
        url: movimientosPath({ businessId, cuit: CLIENT_CUIT, snapshot: crypto.randomUUID() }),
        params: { businessId, cuit: CLIENT_CUIT },
      })),
      [
        "a snapshot that is not an id",
        (fx) => ({
          url: movimientosPath({ ...ledgerSegments(fx), snapshot: "x" }),
          params: ledgerSegments(fx),
        }),
        400,
      ],
      [
        "a copy that is not stored",
        (fx) => ({
          url: movimientosPath({ ...ledgerSegments(fx), snapshot: crypto.randomUUID() }),
          params: ledgerSegments(fx),
        }),
        404,
      ],
      // The outsider's business holds a client with the same CUIT: the copy is still not theirs.
      [
        "this copy, named through the outsider's business",
        (fx, { snapshotId }) => ({
          url: movimientosPath({
            businessId: fx.outsiderBusinessId,
            cuit: CLIENT_CUIT,
            snapshot: snapshotId,
          }),
          params: { businessId: fx.outsiderBusinessId, cuit: CLIENT_CUIT },
        }),
        404,
      ],
    ],
  },
  [`${B}/clientes/importacion/route.ts`]: {
    kind: "business",
    call: (fx) => ({ url: clientImportPath(fx.businessId), params: segments(fx) }),
    expect: MEMBERS_OK,
    async check({ fx, body }) {
      // The fixture's failed import, and what it found: the business's own.
      expect(body).toMatchObject({
        id: fx.importId,
        status: "failed",
        clients: [{ cuit: NEW_CLIENT_CUIT, enCartera: false }],
        withoutCuit: [],
      });
    },
    malformed: businessIdsMalformed((businessId) => ({
      url: clientImportPath(businessId),
      params: { businessId },
    })),
  },
  "app/api/iva/lotes/[batchId]/route.ts": {
    kind: "user",
    call: (fx) => ({ url: ivaBatchPath(fx.ownerBatchId), params: { batchId: fx.ownerBatchId } }),
    // Only its author sees a run, even fellow members of its businesses.
    expect: { owner: 200, accountant: 404, viewer: 404, outsider: 404, signedOut: 401 },
    async check({ fx, body }) {
      expect(body).toMatchObject({ id: fx.ownerBatchId, email: fx.users.owner.email });
    },
    malformed: [
      ["a run that does not exist", () => withBatch(crypto.randomUUID()), 404],
      ["an id that is not one", () => withBatch("not-a-uuid"), 400],
    ],
  },
  "app/api/navegacion/route.ts": {
    kind: "user",
    // Matches the fixture's business and client and the outsider's business and client.
    call: (fx) => ({ url: navigationSearchPath(fx.tag), params: {} }),
    expect: { owner: 200, accountant: 200, viewer: 200, outsider: 200, signedOut: 401 },
    async check({ world, fx, actor, body }) {
      const results = body as { kind: string; id: string; businessId?: string }[];
      const reached = results.map((r) => (r.kind === "business" ? r.id : r.businessId));
      const own = await businessesOf(world, fx, actor);
      expect(reached.length).toBeGreaterThan(0);
      expect(reached.every((id) => own.includes(id!))).toBe(true);
      if (actor === "outsider") {
        expect(reached).not.toContain(fx.businessId);
        expect(results.map((r) => r.id)).not.toContain(fx.clientId);
      } else {
        expect(results).toContainEqual(expect.objectContaining({ id: fx.businessId }));
        expect(results).toContainEqual(expect.objectContaining({ id: fx.clientId }));
      }
    },
    malformed: [
      [
        "a query longer than the palette allows",
        () => ({ url: navigationSearchPath("a".repeat(101)), params: {} }),
        400,
      ],
    ],
  },
};

function withBatch(batchId: string): RouteCall {
  return { url: ivaBatchPath(batchId), params: { batchId } };
}
