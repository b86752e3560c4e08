/**
 * Authorization proven, not assumed: every server action × every kind of caller, against the
 * real pipeline, database and TusFacturas client (an in-process emulator). A refused call must
 * change no row of any table and make no upstream call. This file: the list of actions itself
 * and the business actions; user-level actions and pages are in the sibling files.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import {
  actors,
  discoverActions,
  expectRefused,
  filesUnder,
  root,
  startWorld,
  type Actor,
  type AnyAction,
  type Fixture,
  type World,
} from "@/lib/testing/authorization-harness";
import {
  actionMatrix,
  businessOutcome,
  entriesOf,
  type BusinessEntry,
} from "@/lib/testing/authorization-matrix";

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/index", async () =>
  (await import("@/lib/testing/authorization-harness")).authModule(),
);

let world: World;
let actions: Record<string, unknown>;
let notFoundMessage: string;

beforeAll(async () => {
  world = await startWorld();
  actions = await discoverActions();
  notFoundMessage = (await import("@/lib/actions/errors")).messages.notFound;
});
afterAll(() => world?.close());

describe("the list of server actions", () => {
  it("is exactly the matrix: a new action without an entry fails here", () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(actionMatrix).sort());
    for (const [key, value] of Object.entries(actions)) {
      expect(typeof value, `${key} is not a function`).toBe("function");
    }
  });

  it("has no server action outside lib/**/actions.ts", async () => {
    const sources = [
      ...(await filesUnder("app")),
      ...(await filesUnder("lib")),
      ...(await filesUnder("components")),
    ].filter((file) => /\.tsx?$/.test(file));
    const withDirective: string[] = [];
    for (const file of sources) {
      const text = await readFile(path.join(root, file), "utf8");
      if (/^\s*["']use server["']/m.test(text)) withDirective.push(file);
    }
    const actionFiles = [...new Set(Object.keys(actionMatrix).map((key) => key.split("#")[0]))];
    expect(withDirective.sort()).toEqual(actionFiles.sort());
  });
});

function action(key: string): AnyAction {
  return actions[key] as AnyAction;
}

function expectRefusedHere(result: ActionResult<unknown>, code: string) {
  expectRefused(result, code);
  // The same words whether the business does not exist or is someone else's.
  if (code === "not_found") expect(result).toMatchObject({ error: { message: notFoundMessage } });
}

const malformedIds: [string, (fx: Fixture) => unknown][] = [
  ["not a uuid", () => "not-a-uuid"],
  ["empty", () => ""],
  ["missing", () => undefined],
  ["an array", (fx) => [fx.businessId]],
  ["padded", (fx) => ` ${fx.businessId}`],
  // Handlers key locks, in-flight refreshes and the credentials' associated data on the id.
  ["upper-cased", (fx) => fx.businessId.toUpperCase()],
  ["a business that does not exist", () => randomUUID()],
  ["another user's business", (fx) => fx.outsiderBusinessId],
];

describe.each(entriesOf("business"))("%s", (key, entry: BusinessEntry) => {
  it.each(actors)("as %s", async (actor: Actor) => {
    const fx = await world.fixture();
    const user = world.userOf(fx, actor);
    const expected = businessOutcome(entry, actor);
    const call = () => action(key)(entry.input(fx));
    if (expected !== "ok") {
      expectRefusedHere(await world.expectNoEffect(user, call), expected);
      return;
    }
    // Allowed: it does its work, which the same state check sees (so it is not vacuous); a
    // read-only action answers and changes nothing.
    world.signInAs(user);
    const before = await world.state();
    const lookupsBefore = await world.lookups1010();
    const result = await call();
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    await entry.settle?.({ world, fx });
    const after = await world.state();
    if (entry.readOnly) expect(after.tables).toEqual(before.tables);
    else expect(after.tables).not.toEqual(before.tables);
    expect(after.upstreamCalls1010 > before.upstreamCalls1010).toBe(Boolean(entry.callsUpstream));
    if (entry.looksUp) expect(await world.lookups1010()).toBeGreaterThan(lookupsBefore);
  });

  it.each(malformedIds)("as owner, with a business id that is %s: not found", async (_, id) => {
    const fx = await world.fixture();
    const result = await world.expectNoEffect(fx.users.owner, () =>
      action(key)({ ...entry.input(fx), businessId: id(fx) }),
    );
    expectRefusedHere(result, "not_found");
  });

  if (entry.crossTenant) {
    const crossTenant = entry.crossTenant;
    it("as outsider, naming their own business and this business's rows: not found", async () => {
      const fx = await world.fixture();
      const result = await world.expectNoEffect(fx.users.outsider, () =>
        action(key)(crossTenant(fx)),
      );
      expectRefused(result, "not_found");
    });
  }
});
