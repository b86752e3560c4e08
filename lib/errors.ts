const domainErrorBrand = Symbol.for("tablero.DomainError");

export type DomainErrorCode = "not_found" | "forbidden" | "invalid" | "conflict";

/**
 * An expected failure of a domain rule ("that client is not in the cartera", "a request is
 * already in flight"), raised by services; its Spanish message is meant for the user.
 * `lib/actions` maps it to what an action answers. `instanceof` works across copies of this
 * module (Next bundles server code once per layer).
 */
export class DomainError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && domainErrorBrand in value;
  }

  readonly [domainErrorBrand] = true;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
