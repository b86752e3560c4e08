/**
 * The GET routes the browser reads through (app/api) × every kind of caller, called as Next
 * calls them, against the real database (PGlite, and PostgreSQL with `TEST_DATABASE_URL`),
 * services and TusFacturas client (an in-process emulator). Authorized like the pages but
 * answering JSON: signed out 401, a non-member 404 like a business that does not exist, a
 * member without two-factor in a business that requires it 403. A refusal changes no row and
 * calls nobody; a read calls TusFacturas only when a visit of the page would.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cuentaCorrientePath } from "@/lib/api/paths";
import type { RouteHandler } from "@/lib/api/route";
import { businesses, securityEvents } from "@/lib/db/schema";
import {
  actors,
  CLIENT_CUIT,
  filesUnder,
  root,
  startWorld,
  type Actor,
  type Fixture,
  type World,
} from "@/lib/testing/authorization-harness";
import {
  apiRouteMatrix,
  type ApiRoute,
  type RouteCall,
  type StoredCopy,
} from "@/lib/testing/api-route-matrix";
import { databaseEngines } from "@/lib/testing/test-database";

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/index", async () =>
  (await import("@/lib/testing/authorization-harness")).authModule(),
);

/** Routes that read no business or user data (checked in authorization-routes.test.ts). */
const WITHOUT_DATA = ["app/api/auth/[...nextauth]/route.ts", "app/api/health/route.ts"];
const NOT_FOUND = "No encontramos esa empresa.";
const SESSION_ENDED = "Tu sesión terminó. Ingresá de nuevo.";

describe("the list of API routes", () => {
  it("is exactly the matrix: a new route without an entry fails here", async () => {
    const files = (await filesUnder("app/api")).filter(
      (file) => file.endsWith("/route.ts") && !WITHOUT_DATA.includes(file),
    );
    expect(files).toEqual(Object.keys(apiRouteMatrix).sort());
  });

  it.each(Object.entries(apiRouteMatrix))(
    "%s answers GET only, through its guard",
    async (file, route) => {
      const source = await readFile(path.join(root, file), "utf8");
      const guard = route.kind === "business" ? "businessRoute" : "userRoute";
      expect([...source.matchAll(/^export .*$/gm)].map((m) => m[0])).toEqual([
        `export const GET = ${guard}({`,
      ]);
      expect(file.includes("/[businessId]/")).toBe(route.kind === "business");
      // The same permission as the pages that show this data: any member may read it.
      if (route.kind === "business") expect(source).toContain(`permission: "business:read",`);
    },
  );
});

async function get(file: string, call: RouteCall): Promise<Response> {
  const { GET } = (await import(/* @vite-ignore */ path.join(root, file))) as {
    GET: RouteHandler;
  };
  return GET(new Request(`http://tablero.test${call.url}`), {
    params: Promise.resolve(call.params),
  });
}

/** The JSON, after checking that no cache may keep it. */
async function jsonOf(response: Response): Promise<unknown> {
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  return response.json();
}

describe.each(databaseEngines().map((engine) => engine.name))("on %s", (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ engine });
  });
  afterAll(() => world?.close());

  /** A stored copy of the fixture client's ledger, as the owner's "Actualizar" leaves it. */
  async function storeCopy(fx: Fixture): Promise<StoredCopy> {
    const { getCuentaCorrienteService } = await import("@/lib/cuenta-corriente");
    const service = await getCuentaCorrienteService();
    const view = await service.refresh(fx.businessId, CLIENT_CUIT, fx.users.owner.id);
    return { snapshotId: view.snapshot!.id };
  }

  async function prepare(route: ApiRoute) {
    const fx = await world.fixture();
    const stored = route.readsStoredCopy ? await storeCopy(fx) : { snapshotId: "" };
    return { fx, stored };
  }

  async function refusalsOf(userId: string) {
    return world.db
      .select({
        businessId: securityEvents.businessId,
        subject: securityEvents.subject,
        detail: securityEvents.detail,
      })
      .from(securityEvents)
      .where(
        and(eq(securityEvents.userId, userId), eq(securityEvents.kind, "authorization.refused")),
      );
  }

  describe.each(Object.entries(apiRouteMatrix))("%s", (file, route) => {
    it.each(actors)("as %s", async (actor: Actor) => {
      const { fx, stored } = await prepare(route);
      const user = world.userOf(fx, actor);
      const expected = route.expect[actor];
      const call = () => get(file, route.call(fx, stored));

      if (expected !== 200) {
        const response = await world.expectNoEffect(user, call);
        expect(response.status).toBe(expected);
        const code = expected === 401 ? "unauthenticated" : "not_found";
        expect(await jsonOf(response)).toEqual({
          error: { code, message: expect.any(String) },
        });
        if (expected === 401) return;
        if (route.kind === "business") {
          // The same words as for a business that does not exist, and the operator sees it.
          expect(await jsonOf(await call())).toEqual({ error: { code, message: NOT_FOUND } });
          expect(await refusalsOf(user!.id)).toContainEqual({
            businessId: null,
            subject: `(empresa ${fx.businessId})`,
            detail: "no es miembro",
          });
        }
        return;
      }

      let response: Response;
      if (route.refreshesFor?.includes(actor)) {
        // The fixture's copy is stale: like a visit of the page, the read refreshes it first...
        world.signInAs(user);
        const before = await world.state();
        response = await call();
        expect((await world.state()).upstreamCalls1010).toBeGreaterThan(before.upstreamCalls1010);
        // ...and a second read within the freshness window spends nothing.
        const again = await world.expectNoEffect(user, call);
        expect(again.status).toBe(200);
      } else {
        response = await world.expectNoEffect(user, call);
      }
      expect(response.status).toBe(200);
      await route.check({ world, fx, actor, body: await jsonOf(response) });
    });

    it.each(route.malformed)("as owner, %s", async (_, build, status) => {
      const { fx, stored } = await prepare(route);
      const response = await world.expectNoEffect(fx.users.owner, () =>
        get(file, build(fx, stored)),
      );
      expect(response.status).toBe(status);
      expect(await jsonOf(response)).toEqual({
        error: {
          code: status === 400 ? "invalid" : "not_found",
          message: expect.any(String),
        },
      });
    });

    if (route.kind !== "business") return;

    it("in a business that requires two-factor: members without it get 403, the owner reads", async () => {
      const { fx, stored } = await prepare(route);
      await world.db
        .update(businesses)
        .set({ requireTwoFactor: true })
        .where(eq(businesses.id, fx.businessId));
      const call = () => get(file, route.call(fx, stored));
      for (const member of [fx.users.accountant, fx.users.viewer]) {
        const response = await world.expectNoEffect(member, call);
        expect(response.status).toBe(403);
        expect(await jsonOf(response)).toEqual({
          error: {
            code: "two_factor_required",
            message: expect.stringContaining("pide verificación en dos pasos"),
          },
        });
        expect(await refusalsOf(member.id)).toContainEqual({
          businessId: fx.businessId,
          subject: null,
          detail: "sin verificación en dos pasos, que la empresa exige",
        });
      }
      world.signInAs(fx.users.owner);
      expect((await call()).status).toBe(200);
    });
  });

  it("the ledger's own reads (guardado=1) never refresh a stale copy, whoever makes them", async () => {
    const fx = await world.fixture();
    const file = "app/api/empresas/[businessId]/clientes/[cuit]/cuenta-corriente/route.ts";
    const params = { businessId: fx.businessId, cuit: CLIENT_CUIT };
    const call = () => get(file, { url: cuentaCorrientePath({ ...params, stored: true }), params });
    for (const member of [fx.users.owner, fx.users.accountant]) {
      const response = await world.expectNoEffect(member, call);
      expect(response.status).toBe(200);
      expect(await jsonOf(response)).toMatchObject({
        cliente: { cuit: CLIENT_CUIT },
        vencimientos: { byKey: expect.any(Object), pending: expect.any(Number) },
      });
    }
  });

  describe("businessRoute", () => {
    it("a role without the permission gets 403 and the handler does not run", async () => {
      const fx = await world.fixture();
      const [{ businessRoute }, { businessIdSchema }] = await Promise.all([
        import("@/lib/api/route"),
        import("@/lib/businesses/schemas"),
      ]);
      const ran: string[] = [];
      const GET = businessRoute({
        permission: "audit:read",
        schema: businessIdSchema,
        async handler(_, { role }) {
          ran.push(role);
          return { role };
        },
      });
      const call = () =>
        GET(new Request("http://tablero.test/api/x"), {
          params: Promise.resolve({ businessId: fx.businessId }),
        });
      for (const member of [fx.users.accountant, fx.users.viewer]) {
        const response = await world.expectNoEffect(member, call);
        expect(response.status).toBe(403);
        expect(await jsonOf(response)).toEqual({
          error: { code: "forbidden", message: expect.any(String) },
        });
      }
      world.signInAs(fx.users.owner);
      expect(await jsonOf(await call())).toEqual({ role: "owner" });
      expect(ran).toEqual(["owner"]);
    });

    it("a failure the handler did not expect: 500 with words for the person, no internals", async () => {
      const fx = await world.fixture();
      const [{ businessRoute }, { businessIdSchema }] = await Promise.all([
        import("@/lib/api/route"),
        import("@/lib/businesses/schemas"),
      ]);
      const GET = businessRoute({
        permission: "business:read",
        schema: businessIdSchema,
        handler: () => Promise.reject(new Error("select secret from vault")),
      });
      world.signInAs(fx.users.viewer);
      const response = await GET(new Request("http://tablero.test/api/x"), {
        params: Promise.resolve({ businessId: fx.businessId }),
      });
      expect(response.status).toBe(500);
      const body = JSON.stringify(await jsonOf(response));
      expect(body).toContain("Ocurrió un error inesperado");
      expect(body).not.toContain("secret");
    });
  });

  it("a lapsed session (ended elsewhere, its cookie still sent) reads nothing: 401, in words", async () => {
    const { fx, stored } = await prepare({ readsStoredCopy: true } as ApiRoute);
    // The owner's session (opened here), then ended as «Cerrar» in another browser ends it.
    await world.setAuthenticatedAt(fx.users.owner, new Date());
    expect(await world.runtime.sessions.endOthers(fx.users.owner.id, null)).toBe(1);
    for (const [file, route] of Object.entries(apiRouteMatrix)) {
      const response = await world.expectNoEffect(fx.users.owner, () =>
        get(file, route.call(fx, stored)),
      );
      expect(response.status, file).toBe(401);
      expect(await jsonOf(response)).toEqual({
        error: { code: "unauthenticated", message: SESSION_ENDED },
      });
    }
  });
});
