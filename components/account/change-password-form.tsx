"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePassword } from "@/lib/account/actions";

/** "Cambiar contraseña": the current one, the new one twice; other sessions end with it. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const [done, setDone] = useState<string | null>(null);
  const form = useActionForm(
    changePassword,
    ({ endedSessions }) => {
      setDone(
        endedSessions === 0
          ? "Cambiaste tu contraseña."
          : `Cambiaste tu contraseña y cerramos ${endedSessions === 1 ? "la otra sesión" : `las otras ${endedSessions} sesiones`}.`,
      );
      onChanged?.();
    },
    { resetOnSuccess: true },
  );
  return (
    <section aria-labelledby="contrasena-title" className="space-y-3">
      <h2 id="contrasena-title" className="text-lg font-semibold">
        Cambiar contraseña
      </h2>
      <form
        onSubmit={(event) => {
          setDone(null);
          form.onSubmit(event);
        }}
        aria-labelledby="contrasena-title"
        className="max-w-md space-y-4"
        noValidate
      >
        {form.error && !form.error.fieldErrors ? (
          <Alert tone="error">{form.error.message}</Alert>
        ) : null}
        {done ? <Alert tone="success">{done}</Alert> : null}
        <TextField
          label="Contraseña actual"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          errors={form.fieldErrors("current")}
        />
        <TextField
          label="Contraseña nueva"
          name="next"
          type="password"
          autoComplete="new-password"
          hint="Al menos 12 caracteres, difícil de adivinar: por ejemplo, varias palabras que no vayan juntas."
          required
          errors={form.fieldErrors("next")}
        />
        <TextField
          label="Repetí la contraseña nueva"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          errors={form.fieldErrors("confirm")}
        />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Cambiando…" : "Cambiar contraseña"}
        </Button>
        <p className="text-sm text-slate-600">
          Al cambiarla se cierran tus sesiones en otros dispositivos.
        </p>
      </form>
    </section>
  );
}
