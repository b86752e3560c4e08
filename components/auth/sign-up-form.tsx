"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { signUp } from "@/lib/auth/actions";

type Sent = { email: string; mailEnabled: boolean };

/**
 * "Revisá tu email": the same words whether the address was new or already had an account
 * (only its owner learns which, by email), so the page cannot be used to find accounts.
 */
function CheckYourEmail({ sent, invitation }: { sent: Sent; invitation?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: focus moves to what replaced it, so screen readers read it.
  useEffect(() => heading.current?.focus(), []);
  const signIn = `/ingresar${invitation ? `?invitacion=${encodeURIComponent(invitation)}` : ""}`;
  return (
    <div className="mt-6 space-y-3 text-sm" role="status">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        Revisá tu email
      </h2>
      {sent.mailEnabled ? (
        <>
          <p>
            Si <strong>{sent.email}</strong> no tenía una cuenta en Tablero, te enviamos un enlace
            para confirmarla: vale 24 horas y sirve una sola vez. Si ya tenía una, te enviamos un
            email para ingresar.
          </p>
          <p className="text-slate-600">
            ¿No llega en unos minutos? Revisá la carpeta de spam. Podés ingresar igual y pedir otro
            enlace desde el aviso de arriba de la página.
          </p>
        </>
      ) : (
        <p>
          Este servidor de Tablero no tiene configurado el envío de emails. Si{" "}
          <strong>{sent.email}</strong> no tenía una cuenta, ya la creamos: ingresá con tu email y
          contraseña. Sin email no vas a poder confirmar tu dirección ni aceptar invitaciones.
        </p>
      )}
      <Link href={signIn} className="inline-block font-medium text-brand-700 underline">
        Ir a Ingresar
      </Link>
    </div>
  );
}

export function SignUpForm({ invitation }: { invitation?: string }) {
  const [sent, setSent] = useState<Sent | null>(null);
  const form = useActionForm(signUp, setSent);
  if (sent) return <CheckYourEmail sent={sent} invitation={invitation} />;
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
