import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Crear cuenta" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Crear cuenta</h1>
      <p className="mt-1 text-sm text-slate-600">Para dueños de empresas y estudios contables.</p>
      <SignUpForm />
      <p className="mt-6 text-sm text-slate-600">
        ¿Ya tenés cuenta?{" "}
        <Link href="/ingresar" className="font-medium text-brand-700 underline">
          Ingresá
        </Link>
      </p>
    </>
  );
}
