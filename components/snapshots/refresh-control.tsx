"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

/** "Actualizar", saying what it costs: every refresh is a billed TusFacturas request. */
export function RefreshControl({
  canRefresh,
  busy,
  disabled = false,
  onRefresh,
}: {
  canRefresh: boolean;
  busy: boolean;
  disabled?: boolean;
  onRefresh?: () => void;
}) {
  const costId = useId();
  return (
    <div className="text-right">
      <Button
        variant="secondary"
        onClick={onRefresh}
        disabled={!canRefresh || busy || disabled}
        aria-describedby={costId}
      >
        {busy ? "Actualizando…" : "Actualizar"}
      </Button>
      <p id={costId} className="mt-1 text-xs text-slate-600">
        {canRefresh
          ? "Usa 1 request de tu plan de TusFacturas."
          : "Tu rol no permite actualizar: solo ves los datos guardados."}
      </p>
    </div>
  );
}

/** What a failed "Actualizar" says: the server's message, or that Tablero was unreachable. */
export function refreshFailure(mutation: {
  data?: ActionResult<unknown>;
  isError: boolean;
}): string | undefined {
  if (mutation.data && !mutation.data.ok) return mutation.data.error.message;
  if (mutation.isError)
    return "No pudimos conectar con Tablero. Revisá tu conexión y probá de nuevo.";
  return undefined;
}
