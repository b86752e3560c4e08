"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { resetPassword } from "@/lib/auth/actions";

/** The emailed link's form; on success the server sends the browser to sign in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const form = useActionForm(resetPassword);
  // Used or expired meanwhile (another tab, a newer email): only a new link helps.
  const linkGone = form.error?.code === "conflict";
  return (
    <form
      onSubmit={form.onSubmit}
      aria-label="Elegir una contraseña nueva"
      className="mt-6 space-y-4"
      noValidate
    >
      {form.error && !form.error.fieldErrors ? (
        <Alert tone="error">
          {form.error.message}{" "}
          {linkGone ? (
            <Link href="/olvide-mi-contrasena" className="font-medium underline">
              Pedir un enlace nuevo
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        label="Contraseña nueva"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="Al menos 12 caracteres, difícil de adivinar: por ejemplo, varias palabras que no vayan juntas."
        required
        errors={form.fieldErrors("password")}
      />
      <TextField
        label="Repetí la contraseña nueva"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={form.fieldErrors("confirm")}
      />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {form.pending ? "Guardando…" : "Guardar la contraseña nueva"}
      </Button>
      <p className="text-sm text-slate-600">
        Al guardarla se cierran todas tus sesiones, también en otros dispositivos.
      </p>
    </form>
  );
}
