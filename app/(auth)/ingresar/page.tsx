import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Ingresar" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{
    callbackUrl?: string;
    invitacion?: string;
    contrasena?: string;
    error?: string;
  }>;
}) {
  const { callbackUrl, invitacion, contrasena, error } = await searchParams;
  const query = invitacion ? `?invitacion=${encodeURIComponent(invitacion)}` : "";
  return (
    <>
      <h1 className="text-xl font-semibold">Ingresar</h1>
      <p className="mt-1 text-sm text-slate-600">
        {invitacion
          ? "Ingresá con el email al que te invitaron: la invitación se acepta al ingresar."
          : "Con tu email y contraseña de Tablero."}
      </p>
      {contrasena === "cambiada" ? (
        <div className="mt-4">
          <Alert tone="success">Tu contraseña cambió. Ingresá con la nueva.</Alert>
        </div>
      ) : null}
      {error ? (
        // Auth.js's own endpoints come here with `?error=` (lib/auth/index.ts, `pages`); its
        // code is never shown.
        <div className="mt-4">
          <Alert tone="error">
            {error === "CredentialsSignin"
              ? "El email o la contraseña no son correctos."
              : "No pudimos completar el ingreso. Probá de nuevo."}
          </Alert>
        </div>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} invitation={invitacion} />
      <p className="mt-4 text-sm">
        <Link href="/olvide-mi-contrasena" className="font-medium text-brand-700 underline">
          ¿Olvidaste tu contraseña?
        </Link>
      </p>
      <p className="mt-6 text-sm text-slate-600">
        ¿No tenés cuenta?{" "}
        <Link href={`/registrarme${query}`} className="font-medium text-brand-700 underline">
          Creá una
        </Link>
      </p>
    </>
  );
}
