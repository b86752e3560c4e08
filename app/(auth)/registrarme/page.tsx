import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Crear cuenta" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ invitacion?: string }>;
}) {
  const { invitacion } = await searchParams;
  const query = invitacion ? `?invitacion=${encodeURIComponent(invitacion)}` : "";
  return (
    <>
      <h1 className="text-xl font-semibold">Crear cuenta</h1>
      <p className="mt-1 text-sm text-slate-600">
        {invitacion
          ? "Usá el email al que te invitaron: cuando lo confirmes con el enlace que te enviamos, ingresá y la invitación se acepta."
          : "Para dueños de empresas y estudios contables."}
      </p>
      <SignUpForm invitation={invitacion} />
      <p className="mt-6 text-sm text-slate-600">
        ¿Ya tenés cuenta?{" "}
        <Link href={`/ingresar${query}`} className="font-medium text-brand-700 underline">
          Ingresá
        </Link>
      </p>
    </>
  );
}
