import { describe, expect, it, vi } from "vitest";
import { TusFacturasError } from "@/lib/tusfacturas";
import { ActionFailure, describeForLog, messages, toActionError } from "./errors";

/** The shape of drizzle-orm's DrizzleQueryError: the SQL parameters are in its message. */
function queryError(params: string[]): Error {
  const cause = Object.assign(new Error("duplicate key value violates unique constraint"), {
    code: "23505",
  });
  const error = new Error(`Failed query: insert into x values ($1)\nparams: ${params.join(",")}`, {
    cause,
  });
  error.name = "DrizzleQueryError";
  return error;
}

describe("toActionError", () => {
  it("keeps expected failures and TusFacturas' messages", () => {
    expect(toActionError(new ActionFailure("not_found", messages.notFound), "x")).toEqual({
      code: "not_found",
      message: messages.notFound,
      fieldErrors: undefined,
    });
    expect(
      toActionError(new TusFacturasError("rejected", { messages: ["Sin cupo"] }), "x"),
    ).toEqual({ code: "upstream", message: "TusFacturas rechazó el pedido: Sin cupo" });
  });

  it("recognises failures thrown by another copy of the modules (Next bundles one per layer)", () => {
    // What a second copy of each class produces: an error carrying the same registered brand.
    const copy = <T extends object>(brand: string, fields: T) =>
      Object.assign(new Error("copia"), { [Symbol.for(brand)]: true }, fields);
    expect(
      toActionError(
        copy("tablero.ActionFailure", { code: "conflict", message: "Ya existe." }),
        "x",
      ),
    ).toEqual({ code: "conflict", message: "Ya existe.", fieldErrors: undefined });
    expect(
      toActionError(
        copy("tablero.TusFacturasError", { code: "rejected", messages: ["Sin cupo"] }),
        "x",
      ),
    ).toEqual({ code: "upstream", message: "TusFacturas rechazó el pedido: Sin cupo" });
    expect(new Error("otra") instanceof ActionFailure).toBe(false);
    expect((null as unknown) instanceof TusFacturasError).toBe(false);
  });

  it("answers anything else generically and logs no query parameters", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const sealed = "v1.aXY.dGFn.c2VjcmV0";
    const result = toActionError(queryError([sealed, "$argon2id$v=19$hash"]), "saveCredentials");

    expect(result).toEqual({ code: "internal", message: messages.internal });
    const logged = log.mock.calls.flat().join(" ");
    expect(logged).toContain("23505 duplicate key value violates unique constraint");
    expect(logged).not.toContain(sealed);
    expect(logged).not.toContain("argon2id");
    log.mockRestore();
  });

  it("describes non-errors by type only", () => {
    expect(describeForLog("apitoken-123")).toBe("string");
  });
});
