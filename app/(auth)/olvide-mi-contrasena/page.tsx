import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import { Alert } from "@/components/ui/alert";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "¿Olvidaste tu contraseña?" };

export default async function ForgotPasswordPage() {
  const { mail } = await getRuntime();
  return (
    <>
      <h1 className="text-xl font-semibold">¿Olvidaste tu contraseña?</h1>
      {mail.enabled ? (
        <>
          <p className="mt-1 text-sm text-slate-600">
            Escribí el email de tu cuenta y te enviamos un enlace para elegir una nueva.
          </p>
          <ForgotPasswordForm />
        </>
      ) : (
        <div className="mt-4">
          <Alert tone="warning" title="Este servidor no puede enviar emails">
            Tablero no tiene configurado un servidor de correo, así que no puede mandarte un enlace.
            Pedile al administrador de Tablero que te ayude a recuperar el acceso.
          </Alert>
        </div>
      )}
      <p className="mt-6 text-sm text-slate-600">
        ¿La recordaste?{" "}
        <Link href="/ingresar" className="font-medium text-brand-700 underline">
          Ingresá
        </Link>
      </p>
    </>
  );
}
