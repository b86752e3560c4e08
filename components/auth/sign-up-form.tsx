"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { signUp } from "@/lib/auth/actions";

export function SignUpForm({ invitation }: { invitation?: string }) {
  const form = useActionForm(signUp);
  return (
    <form onSubmit={form.onSubmit} className="mt-6 space-y-4" noValidate>
      {form.error && !form.error.fieldErrors ? (
        <Alert tone="error">{form.error.message}</Alert>
      ) : null}
      {invitation ? <input type="hidden" name="invitacion" value={invitation} /> : null}
      <TextField
        label="Nombre"
        name="name"
        autoComplete="name"
        required
        errors={form.fieldErrors("name")}
      />
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
        autoComplete="new-password"
        hint="Al menos 12 caracteres, difícil de adivinar: por ejemplo, varias palabras que no vayan juntas."
        required
        errors={form.fieldErrors("password")}
      />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {form.pending ? "Creando cuenta…" : "Crear cuenta"}
      </Button>
    </form>
  );
}
