import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Ingresar" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; invitacion?: string }>;
}) {
  const { callbackUrl, invitacion } = await searchParams;
  const query = invitacion ? `?invitacion=${encodeURIComponent(invitacion)}` : "";
  return (
    <>
      <h1 className="text-xl font-semibold">Ingresar</h1>
      <p className="mt-1 text-sm text-slate-600">
        {invitacion
          ? "Ingresá con el email al que te invitaron: la invitación se acepta al ingresar."
          : "Con tu email y contraseña de Tablero."}
      </p>
      <SignInForm callbackUrl={callbackUrl} invitation={invitacion} />
      <p className="mt-6 text-sm text-slate-600">
        ¿No tenés cuenta?{" "}
        <Link href={`/registrarme${query}`} className="font-medium text-brand-700 underline">
          Creá una
        </Link>
      </p>
    </>
  );
}
