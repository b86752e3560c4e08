/**
 * Every page, layout and route: each page or layout under a `[businessId]` segment is in the
 * matrix with the permission it must pass to `requireBusiness` (checked in its source), and
 * `requireBusiness` gives every kind of caller the expected answer: signed out → /ingresar,
 * non-member or malformed id → 404, member → `allowed` per role. The GET routes under app/api
 * are listed here too and called for real in authorization-api.test.ts. Files elsewhere are
 * listed with how they keep to the user's own data.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema";
import {
  actors,
  filesUnder,
  root,
  startWorld,
  type Actor,
  type Fixture,
  type World,
} from "@/lib/testing/authorization-harness";

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/index", async () =>
  (await import("@/lib/testing/authorization-harness")).authModule(),
);

const OWNER = ["owner"] as const;
const WORKERS = ["owner", "accountant"] as const;
const MEMBERS = ["owner", "accountant", "viewer"] as const;

type BusinessRoute =
  | {
      permission: Permission;
      /** Roles for which `allowed` is true (written by hand, not read from permissions.ts). */
      allowed: readonly Role[];
      /** Whether the page reads its data only after `if (!allowed)` returned. */
      gated: boolean;
      note?: string;
    }
  | { permission: null; reason: string }
  /** A GET route: `businessRoute`, every caller in lib/testing/api-route-matrix.ts. */
  | { permission: "api"; reason: string };

const B = "app/(app)/empresas/[businessId]";
const businessRoutes: Record<string, BusinessRoute> = {
  [`${B}/layout.tsx`]: {
    permission: "business:read",
    allowed: MEMBERS,
    gated: false,
    note: "Name, CUIT and role in the header. It does not protect the pages: each checks again.",
  },
  [`${B}/page.tsx`]: { permission: null, reason: "Redirects to consumo; imports nothing of lib/." },
  [`${B}/consumo/loading.tsx`]: { permission: null, reason: "A static skeleton." },
  [`${B}/consumo/page.tsx`]: { permission: "business:read", allowed: MEMBERS, gated: false },
  [`${B}/clientes/page.tsx`]: { permission: "business:read", allowed: MEMBERS, gated: false },
  [`${B}/clientes/[cuit]/page.tsx`]: {
    permission: "business:read",
    allowed: MEMBERS,
    gated: false,
  },
  [`${B}/clientes/[cuit]/resumen/page.tsx`]: {
    permission: "business:read",
    allowed: MEMBERS,
    gated: false,
  },
  [`${B}/iva/page.tsx`]: {
    permission: "iva:request",
    allowed: WORKERS,
    gated: false,
    note: "The history is for every member; `allowed` only enables the request form.",
  },
  [`${B}/actividad/page.tsx`]: { permission: "audit:read", allowed: OWNER, gated: true },
  [`${B}/credenciales/page.tsx`]: { permission: "credentials:manage", allowed: OWNER, gated: true },
  [`${B}/miembros/page.tsx`]: { permission: "members:manage", allowed: OWNER, gated: true },
  "app/api/empresas/[businessId]/consumo/route.ts": {
    permission: "api",
    reason: "The consumo page's view, read again after «Actualizar».",
  },
  "app/api/empresas/[businessId]/clientes/[cuit]/cuenta-corriente/route.ts": {
    permission: "api",
    reason: "The ledger page's view, read again after «Actualizar».",
  },
  "app/api/empresas/[businessId]/clientes/[cuit]/movimientos/route.ts": {
    permission: "api",
    reason: "A stored copy's movements, fetched by the ledger page once it is on screen.",
  },
  "app/api/empresas/[businessId]/clientes/importacion/route.ts": {
    permission: "api",
    reason: "The business's latest import from TusFacturas, polled by its panel while it runs.",
  },
};

/** Pages, layouts and routes outside `[businessId]`: the guard they call and how they scope. */
const otherRoutes: Record<string, { guard: string | null; scope: string }> = {
  "app/layout.tsx": { guard: null, scope: "The HTML shell; no data." },
  "app/page.tsx": { guard: "currentUser()", scope: "Redirects by session; no data." },
  "app/(auth)/layout.tsx": { guard: null, scope: "Public shell; no data." },
  "app/(links)/layout.tsx": {
    guard: null,
    scope: "Public shell of the pages opened from an emailed link; no data.",
  },
  "app/(auth)/ingresar/page.tsx": { guard: null, scope: "Public sign-in form; no data." },
  "app/(auth)/registrarme/page.tsx": { guard: null, scope: "Public sign-up form; no data." },
  "app/(auth)/olvide-mi-contrasena/page.tsx": {
    guard: "mail.enabled",
    scope: "Public form; reads only whether this server can send email, no user data.",
  },
  "app/(links)/restablecer/[token]/page.tsx": {
    guard: "tokens.isUsable(",
    scope: "Whether the link's token (looked up by its hash) still works; names no user.",
  },
  "app/api/auth/[...nextauth]/route.ts": { guard: null, scope: "Auth.js' own handlers." },
  "app/salir/page.tsx": {
    guard: "requireUser()",
    scope: "Asks before signing out: the user's own email only.",
  },
  "app/(app)/cuenta/page.tsx": {
    guard: "requireUser()",
    scope: "sessions.list(user.id, …) and twoFactor.status(user.id): the user's own only.",
  },
  "app/(app)/cuenta/dos-pasos/page.tsx": {
    guard: "requireUser()",
    scope:
      "twoFactor.status(user.id); the business of `?empresa=` is named only through " +
      "findMembership(user.id, …), so only to its members.",
  },
  "app/api/navegacion/route.ts": {
    guard: "userRoute(",
    scope: "navigation.searchNavigation(user.id, …): the user's memberships only (api matrix).",
  },
  "app/api/iva/lotes/[batchId]/route.ts": {
    guard: "userRoute(",
    scope: "batch(user.id, batchId): another user's run → 404 (api matrix).",
  },
  "app/api/health/route.ts": {
    guard: null,
    scope: "Public for load balancers: whether this instance can serve; no business or user data.",
  },
  "app/(app)/layout.tsx": {
    guard: "requireUser()",
    scope: "navigation.headerBusinessesOf(user.id): the user's memberships only (checked below).",
  },
  "app/(app)/empresas/page.tsx": {
    guard: "requireUser()",
    scope: "portfolio.portfolioPage(user.id, …): the user's memberships only (checked below).",
  },
  "app/(app)/empresas/nueva/page.tsx": {
    guard: null,
    scope: "A form only (createBusiness is a userAction); under the (app) layout's requireUser.",
  },
  "app/(app)/iva/page.tsx": {
    guard: "requireUser()",
    scope: "businessOptions(user.id) and batch(user.id, lote): another user's run → notFound.",
  },
  "app/verificar/[token]/page.tsx": {
    guard: "currentUser()",
    scope:
      "The emailed link is the credential: it verifies only the address it was sent to (its " +
      "token looked up by hash, once); the page shows the outcome and no other data.",
  },
  "app/invitacion/[token]/page.tsx": {
    guard: "currentUser()",
    scope:
      "invitationInfo by the token's hash: the business is named only while the invitation is " +
      "pending and, when signed in, only to the invited email (the link is the credential).",
  },
};

const DATA_ACCESS = /getDb\(|getRuntime\(|get\w+Service\(|\bservice\.|\w+Of\(/;
const NO_DATA_IMPORTS =
  /from "@\/lib\/(db|runtime|[\w-]+\/service|cuenta-corriente|consumo|iva)"|getDb\(|getRuntime\(/;
const NOT_FOUND = "NEXT_HTTP_ERROR_FALLBACK;404";
const TO_SIGN_IN = "NEXT_REDIRECT;replace;/ingresar;307;";

/** The default export's (or the GET handler's) body: what runs for a request. */
function handlerBody(source: string): string {
  const start = source.search(/export (default )?(async )?function \w+/);
  expect(start, "no default export or handler").toBeGreaterThanOrEqual(0);
  const end = source.indexOf("\n}\n", start);
  return source.slice(start, end === -1 ? undefined : end);
}

async function digestOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => new Error("resolved"),
    (thrown: unknown) => thrown,
  );
  return (error as { digest?: string }).digest ?? String(error);
}

let world: World;
let fx: Fixture;
let requireBusiness: typeof import("@/lib/auth/access").requireBusiness;

beforeAll(async () => {
  world = await startWorld();
  fx = await world.fixture();
  ({ requireBusiness } = await import("@/lib/auth/access"));
});
afterAll(() => world?.close());

describe("the list of routes", () => {
  it("has every file under [businessId], and every page, layout and route elsewhere", async () => {
    const files = await filesUnder("app");
    const underBusiness = files.filter((file) => file.includes("/[businessId]/"));
    const others = files.filter(
      (file) => !file.includes("/[businessId]/") && /\/(page|layout)\.tsx$|\/route\.ts$/.test(file),
    );
    expect(underBusiness).toEqual(Object.keys(businessRoutes).sort());
    expect(others).toEqual(Object.keys(otherRoutes).sort());
  });
});

describe.each(Object.entries(businessRoutes))("%s", (file, route) => {
  it("calls requireBusiness with its permission before reading anything", async () => {
    const source = await readFile(path.join(root, file), "utf8");
    const calls = [...source.matchAll(/requireBusiness\(([^)]*)\)/g)].map((m) => m[1]!.trim());
    if (route.permission === null) {
      expect(calls).toEqual([]);
      expect(source).not.toMatch(NO_DATA_IMPORTS);
      return;
    }
    if (route.permission === "api") {
      expect(calls).toEqual([]);
      expect(source).toContain("export const GET = businessRoute({");
      return;
    }
    expect(calls).toEqual([`businessId, "${route.permission}"`]);
    const body = handlerBody(source);
    const checked = body.indexOf("requireBusiness(");
    const firstRead = body.search(DATA_ACCESS);
    expect(checked).toBeGreaterThan(0);
    if (firstRead !== -1) expect(firstRead).toBeGreaterThan(checked);
    if (route.gated) {
      const gate = body.indexOf("if (!allowed)");
      expect(gate).toBeGreaterThan(checked);
      expect(firstRead).toBeGreaterThan(gate);
    }
  });

  if (route.permission === null || route.permission === "api") return;
  const { permission, allowed } = route;

  it.each(actors)("requireBusiness answers %s as expected", async (actor: Actor) => {
    const call = () => requireBusiness(fx.businessId, permission);
    const answer = await world.expectNoEffect(world.userOf(fx, actor), async () => {
      if (actor === "signedOut" || actor === "outsider") return digestOf(call());
      return call();
    });
    if (actor === "signedOut") return expect(answer).toBe(TO_SIGN_IN);
    if (actor === "outsider") return expect(answer).toBe(NOT_FOUND);
    expect(answer).toMatchObject({
      user: { id: fx.users[actor].id },
      business: { id: fx.businessId },
      role: actor,
      allowed: allowed.includes(actor),
    });
  });

  it.each([
    ["not a uuid", "not-a-uuid"],
    ["empty", ""],
    ["a business that does not exist", randomUUID()],
    ["with a path in it", "../../empresas"],
  ])("requireBusiness answers the owner 404 for an id that is %s", async (_, id) => {
    world.signInAs(fx.users.owner);
    expect(await digestOf(requireBusiness(id, permission))).toBe(NOT_FOUND);
  });

  it("requireBusiness answers the owner 404 for the business's id upper-cased", async () => {
    world.signInAs(fx.users.owner);
    expect(await digestOf(requireBusiness(fx.businessId.toUpperCase(), permission))).toBe(
      NOT_FOUND,
    );
  });
});

describe("pages outside [businessId] keep to the user's own data", () => {
  it.each(Object.entries(otherRoutes))("%s", async (file, { guard }) => {
    const source = await readFile(path.join(root, file), "utf8");
    if (guard) expect(source).toContain(guard);
    else expect(source).not.toMatch(NO_DATA_IMPORTS);
    expect(source).not.toContain("requireBusiness(");
  });

  it("the business list, the portfolio and the IVA page's options: memberships only", async () => {
    const { businesses, navigation, portfolio, iva } = world.runtime;
    for (const actor of ["owner", "viewer", "outsider"] as const) {
      const id = fx.users[actor].id;
      const member = actor !== "outsider";
      const lists = [
        (await businesses.listBusinessesOf(id)).map((b) => b.id),
        (await portfolio.portfolioPage(id)).cards.map((card) => card.businessId),
        (await navigation.headerBusinessesOf(id)).businesses.map((b) => b.id),
        (await iva.businessOptions(id)).map((option) => option.businessId),
      ];
      for (const ids of lists) expect(ids.includes(fx.businessId)).toBe(member);
    }
  });

  it("an IVA run is only its author's", async () => {
    const ivaService = await (await import("@/lib/iva")).getIvaService();
    expect(await ivaService.batch(fx.users.owner.id, fx.ownerBatchId)).not.toBeNull();
    for (const actor of ["accountant", "viewer", "outsider"] as const) {
      expect(await ivaService.batch(fx.users[actor].id, fx.ownerBatchId)).toBeNull();
      expect(await ivaService.latestBatchId(fx.users[actor].id)).not.toBe(fx.ownerBatchId);
    }
  });

  it("an invitation names its business only to the invited email (or to the link's holder)", async () => {
    const info = (email: string | null) =>
      world.runtime.members.invitationInfo(fx.invitationToken, email);
    expect(await info(fx.users.outsider.email)).toEqual({
      state: "wrong_email",
      businessId: null,
      razonSocial: null,
      role: null,
      invitedBy: null,
    });
    expect(await info(fx.users.invitee.email)).toMatchObject({
      state: "pending",
      businessId: fx.businessId,
    });
    expect(await info(null)).toMatchObject({ state: "pending", razonSocial: fx.razonSocial });
  });
});
