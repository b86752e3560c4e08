"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionError } from "@/lib/actions/result";
import { confirmIdentity } from "@/lib/sessions/actions";

/**
 * "Confirmá que sos vos": a modal dialog asking for the password (and, when the server says
 * two-factor is on, the code) before a sensitive action goes on. Esc or "Cancelar" gives up.
 */
export function ReauthDialog({ onDone }: { onDone: (confirmed: boolean) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [askingCode, setAskingCode] = useState(false);
  // Plain state, not a transition: the action that opened this dialog is itself a transition
  // waiting for it, and React would hold every transition pending until that one ends.
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const values: Record<string, string> = {};
    new FormData(event.currentTarget).forEach((value, key) => {
      if (typeof value === "string") values[key] = value;
    });
    setPending(true);
    try {
      const result = await confirmIdentity(values);
      if (result.ok) return onDone(true);
      if (result.error.code === "two_factor_required") setAskingCode(true);
      setError(result.error);
    } catch {
      setError({
        code: "internal",
        message: "No pudimos conectar con Tablero. Revisá tu conexión y probá de nuevo.",
      });
    } finally {
      setPending(false);
    }
  }
  const fieldErrors = (name: string) => error?.fieldErrors?.[name];

  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  const showError = error && !error.fieldErrors && error.code !== "two_factor_required";
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      // Esc closes a modal dialog: that is "Cancelar".
      onCancel={(event) => {
        event.preventDefault();
        onDone(false);
      }}
      className="w-full max-w-md rounded-lg border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Confirmá que sos vos
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Es una acción sensible: ingresá tu contraseña
        {askingCode ? " y el código de tu app de autenticación" : ""} para continuar.
      </p>
      <form onSubmit={(event) => void onSubmit(event)} className="mt-4 space-y-4" noValidate>
        {showError ? <Alert tone="error">{error.message}</Alert> : null}
        <div className={askingCode ? "hidden" : undefined}>
          <TextField
            label="Contraseña"
            name="password"
            type="password"
            autoComplete="current-password"
            autoFocus
            required
            errors={fieldErrors("password")}
          />
        </div>
        {askingCode ? (
          <TextField
            label="Código de verificación"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            hint="Los 6 dígitos de tu app, o uno de tus códigos de recuperación."
            autoFocus
            required
            errors={fieldErrors("code")}
          />
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Confirmando…" : "Confirmar"}
          </Button>
          <Button variant="secondary" onClick={() => onDone(false)} disabled={pending}>
            Cancelar
          </Button>
        </div>
      </form>
    </dialog>
  );
}
