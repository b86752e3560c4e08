"use client";

import { useState } from "react";
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
  // With two-factor on, a right password is followed by a second step asking for the code; the
  // email and password fields stay in the form (hidden) and are sent again with it.
  const [askingCode, setAskingCode] = useState(false);
  const form = useActionForm(async (values: Record<string, string>) => {
    const result = await signInWithPassword(values);
    if (!result.ok && result.error.code === "two_factor_required") setAskingCode(true);
    return result;
  });
  return (
    <form onSubmit={form.onSubmit} className="mt-6 space-y-4" noValidate>
      {/* "Asked for the code" is the next step, not an error: the info box says it. */}
      {form.error && !form.error.fieldErrors && form.error.code !== "two_factor_required" ? (
        <Alert tone="error">{form.error.message}</Alert>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {invitation ? <input type="hidden" name="invitacion" value={invitation} /> : null}
      <div className={askingCode ? "hidden" : "space-y-4"}>
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
      </div>
      {askingCode ? (
        <>
          <Alert tone="info" title="Verificación en dos pasos">
            Ingresá el código de 6 dígitos que muestra tu app de autenticación. Si no tenés el
            teléfono, usá uno de tus códigos de recuperación.
          </Alert>
          <TextField
            label="Código de verificación"
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            autoFocus
            required
            errors={form.fieldErrors("code")}
          />
        </>
      ) : null}
      <Button type="submit" className="w-full" disabled={form.pending}>
        {form.pending ? "Ingresando…" : askingCode ? "Verificar e ingresar" : "Ingresar"}
      </Button>
      {askingCode ? (
        <Button variant="secondary" className="w-full" onClick={() => setAskingCode(false)}>
          Volver
        </Button>
      ) : null}
    </form>
  );
}
