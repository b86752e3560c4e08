"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "./button";

/** A destructive action that asks once more, inline, before it runs. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  pending,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    // Back from "Cancelar": keyboard focus returns to where it was.
    if (wasAsking.current && !asking) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
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
        {pending ? "Eliminando…" : confirmLabel}
      </Button>
      <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
        Cancelar
      </Button>
    </div>
  );
}
