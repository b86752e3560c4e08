"use client";

import { useId, useRef, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { ActionError, ActionResult } from "@/lib/actions/result";

const OFFLINE = "No pudimos conectar con Tablero. Revisá tu conexión y probá de nuevo.";

/**
 * A request that is billed and sends an email, asked in two steps: the server checks it
 * (`send: false`) and answers what the confirmation must say; the user confirms; it is sent.
 * A submission keeps one key until it has an outcome, and clicks faster than React re-renders
 * the disabled button still make one submission.
 */
export function useConfirmedSend<T extends { kind: string }, X>({
  call,
  onDone,
}: {
  call: (requestKey: string, send: boolean, extra: X) => Promise<ActionResult<T>>;
  onDone: (data: Exclude<T, { kind: "confirm" }>) => void;
}) {
  type Confirm = Extract<T, { kind: "confirm" }>;
  const [confirming, setConfirming] = useState<Confirm | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const requestKey = useRef<string | null>(null);
  const submitting = useRef(false);
  const submitButton = useReturnFocus<HTMLButtonElement>(confirming !== null);

  function submit(send: boolean, extra: X) {
    if (submitting.current) return;
    submitting.current = true;
    const key = (requestKey.current ??= crypto.randomUUID());
    startTransition(async () => {
      try {
        const result = await call(key, send, extra);
        if (!result.ok) {
          setError(result.error);
          setConfirming(null);
        } else if (result.data.kind === "confirm") {
          setError(null);
          setConfirming(result.data as Confirm);
        } else {
          setError(null);
          setConfirming(null);
          requestKey.current = null;
          onDone(result.data as Exclude<T, { kind: "confirm" }>);
        }
      } catch {
        setError({ code: "internal", message: OFFLINE });
      } finally {
        submitting.current = false;
      }
    });
  }

  return {
    /** What the server asked to confirm, while the confirmation is shown. */
    confirming,
    error,
    fieldErrors: (name: string) => error?.fieldErrors?.[name],
    pending,
    /** For the button that opens the confirmation: focus returns to it on "Cancelar". */
    submitButton,
    submit,
    cancel() {
      setConfirming(null);
      requestKey.current = null;
    },
  };
}

/** The confirmation shown in place of the submit button: what will happen, then yes or no. */
export function ConfirmPanel({
  children,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
}: {
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const textId = useId();
  return (
    <div
      role="group"
      aria-labelledby={textId}
      className="space-y-3 rounded-md border border-brand-600/40 bg-brand-50 p-4"
    >
      <div id={textId} className="space-y-2 text-sm">
        {children}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button autoFocus disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={onCancel}>
          Cancelar
        </Button>
      </div>
    </div>
  );
}
