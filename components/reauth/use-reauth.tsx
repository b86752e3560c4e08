"use client";

import { lazy, Suspense, useCallback, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import type { ActionResult } from "@/lib/actions/result";

// Asked for only when an action answers reauth_required: its code loads then.
const ReauthDialog = lazy(() =>
  import("./reauth-dialog").then((m) => ({ default: m.ReauthDialog })),
);

/**
 * For sensitive actions: `guard(action)` runs it and, when the server answers that the sign-in
 * is too old (`reauth_required`), asks "Confirmá que sos vos" and runs it again once confirmed.
 * Cancelled, the first answer stands (its message says why nothing happened). Render `dialog`.
 */
export function useReauth(): {
  guard: <A extends unknown[], T>(
    action: (...args: A) => Promise<ActionResult<T>>,
  ) => (...args: A) => Promise<ActionResult<T>>;
  dialog: ReactNode;
} {
  const [asking, setAsking] = useState(false);
  const pending = useRef<((confirmed: boolean) => void) | null>(null);
  // Where keyboard focus goes back to once the dialog closes.
  const returnTo = useRef<HTMLElement | null>(null);

  const finish = useCallback((confirmed: boolean) => {
    setAsking(false);
    pending.current?.(confirmed);
    pending.current = null;
    returnTo.current?.focus();
  }, []);

  const guard = useCallback(
    <A extends unknown[], T>(action: (...args: A) => Promise<ActionResult<T>>) =>
      async (...args: A): Promise<ActionResult<T>> => {
        const first = await action(...args);
        if (first.ok || first.error.code !== "reauth_required") return first;
        returnTo.current =
          document.activeElement instanceof HTMLElement ? document.activeElement : null;
        const confirmed = await new Promise<boolean>((resolve) => {
          pending.current = resolve;
          setAsking(true);
        });
        return confirmed ? action(...args) : first;
      },
    [],
  );

  // In a portal: the action's own form must not contain the dialog's form.
  const dialog = asking
    ? createPortal(
        <Suspense>
          <ReauthDialog onDone={finish} />
        </Suspense>,
        document.body,
      )
    : null;
  return { guard, dialog };
}
