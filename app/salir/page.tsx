import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AuthCard } from "@/components/layout/auth-card";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Salir" };

/**
 * Asks before signing out, for an address that signs out by link: Auth.js's own
 * `/api/auth/signout` comes here (lib/auth/index.ts, `pages`) instead of drawing its page.
 */
export default async function SignOutPage() {
  const user = await requireUser();
  return (
    <AuthCard>
      <h1 className="text-xl font-semibold">¿Salir de Tablero?</h1>
      <p className="mt-1 text-sm text-slate-600">
        Ingresaste como {user.email}. Tu sesión se cierra en este navegador.
      </p>
      <div className="mt-4 flex items-center gap-4 text-sm">
        <SignOutButton />
        <Link href="/empresas" className="font-medium text-brand-700 underline">
          Volver a tus empresas
        </Link>
      </div>
    </AuthCard>
  );
}
