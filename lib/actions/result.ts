/** What every server action returns: data, or an error the UI can show as it is. */
export type ActionErrorCode =
  "unauthenticated" | "not_found" | "forbidden" | "invalid" | "upstream" | "conflict" | "internal";

export type ActionError = {
  code: ActionErrorCode;
  /** Spanish, safe to show: never internals. */
  message: string;
  /** Per-field messages for forms, keyed by input name. */
  fieldErrors?: Record<string, string[]>;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
