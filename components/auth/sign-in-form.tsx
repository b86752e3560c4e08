"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInWithPassword } from "@/lib/auth/actions";

export function SignInForm({
  callbackUrl,
  invitation,
}: {
  callbackUrl?: string;
  invitation?: string;
}) {
  const form = useActionForm(signInWithPassword);
  return (
    <form onSubmit={form.onSubmit} className="mt-6 space-y-4" noValidate>
      {form.error && !form.error.fieldErrors ? (
        <Alert tone="error">{form.error.message}</Alert>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {invitation ? <input type="hidden" name="invitacion" value={invitation} /> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={form.fieldErrors("email")}
      />
      <TextField
        label="Contraseña"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={form.fieldErrors("password")}
      />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {form.pending ? "Ingresando…" : "Ingresar"}
      </Button>
    </form>
  );
}
