"use client";

import { useState } from "react";
import { Button } from "./button";
import { useReturnFocus } from "./use-return-focus";

/** A destructive action that asks once more, inline, before it runs. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  pendingLabel = "Eliminando…",
  pending,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  /** What the confirming button says while it runs. */
  pendingLabel?: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const trigger = useReturnFocus<HTMLButtonElement>(asking);
  if (!asking) {
    return (
      <Button ref={trigger} variant="secondary" onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={question} className="flex flex-wrap items-center gap-3">
      <p className="text-sm font-medium">{question}</p>
      <Button variant="danger" onClick={onConfirm} disabled={pending} autoFocus>
        {pending ? pendingLabel : confirmLabel}
      </Button>
      <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
        Cancelar
      </Button>
    </div>
  );
}
