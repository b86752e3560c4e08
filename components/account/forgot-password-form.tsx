"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { requestPasswordReset } from "@/lib/auth/actions";

/** The answer for every address, known or not: it must not tell whether there is an account. */
const RESET_REQUESTED =
  "Si hay una cuenta con ese email, te enviamos un enlace para elegir una contraseña nueva. Vale 1 hora y sirve una sola vez; si no llega en unos minutos, revisá la carpeta de spam.";

/** "¿Olvidaste tu contraseña?": the email to send the link to. */
export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const form = useActionForm(requestPasswordReset, () => setSent(true));
  return (
    <form
      onSubmit={(event) => {
        setSent(false);
        form.onSubmit(event);
      }}
      aria-label="Pedir un enlace para elegir una contraseña nueva"
      className="mt-6 space-y-4"
      noValidate
    >
      {/* One polite live region for the answer; errors use the alert role. */}
      <div aria-live="polite">{sent ? <Alert tone="success">{RESET_REQUESTED}</Alert> : null}</div>
      {form.error && !form.error.fieldErrors ? (
        <Alert tone="error">{form.error.message}</Alert>
      ) : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={form.fieldErrors("email")}
      />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {form.pending ? "Enviando…" : "Enviarme un enlace"}
      </Button>
    </form>
  );
}
