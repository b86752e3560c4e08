/** What every server action returns: data, or an error the UI can show as it is. */
export type ActionErrorCode =
  | "unauthenticated"
  | "not_found"
  | "forbidden"
  | "invalid"
  | "upstream"
  | "conflict"
  | "internal"
  /** The session's last sign-in or confirmation is too old: "Confirmá que sos vos" first. */
  | "reauth_required"
  /** The business asks for two-factor sign-in and the person has not turned it on. */
  | "two_factor_required";

export type ActionError = {
  code: ActionErrorCode;
  /** Spanish, safe to show: never internals. */
  message: string;
  /** Per-field messages for forms, keyed by input name. */
  fieldErrors?: Record<string, string[]>;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** The error `redirect()` throws (also on a successful sign-in): navigation, not a failure. */
export function isRedirectError(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "digest" in error &&
    typeof error.digest === "string" &&
    error.digest.startsWith("NEXT_REDIRECT")
  );
}
