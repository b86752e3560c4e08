import { describe, expect, it, vi } from "vitest";
import { createLogger, type Logger } from "@/lib/log";
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

  it("answers anything else generically and logs no query parameters", async () => {
    const lines: string[] = [];
    // The process's logger, replaced by one writing to memory.
    const slot = globalThis as { tableroLogger?: Logger };
    slot.tableroLogger = createLogger({ write: (line: string) => void lines.push(line) });
    const sealed = "v1.aXY.dGFn.c2VjcmV0";
    try {
      const error = queryError([sealed, "$argon2id$v=19$hash"]);
      expect(toActionError(error, "saveCredentials")).toEqual({
        code: "internal",
        message: messages.internal,
      });
      await vi.waitFor(() => expect(lines).toHaveLength(1));
    } finally {
      delete slot.tableroLogger;
    }
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "error",
      event: "action.failed",
      action: "saveCredentials",
      err: { code: "23505", message: "duplicate key value violates unique constraint" },
    });
    expect(lines[0]).not.toContain(sealed);
    expect(lines[0]).not.toContain("argon2id");
  });

  it("describes non-errors by type only", () => {
    expect(describeForLog("apitoken-123")).toBe("string");
  });
});
