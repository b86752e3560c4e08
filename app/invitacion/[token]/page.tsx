import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitation } from "@/components/members/accept-invitation";
import { Alert } from "@/components/ui/alert";
import { ResendVerification } from "@/components/verification/resend-verification";
import { currentUser } from "@/lib/auth/session";
import { roleLabels } from "@/lib/auth/permissions";
import { invitationMessages, unverifiedMessage } from "@/lib/members/service";
import { getRuntime } from "@/lib/runtime";
import { MAIL_OFF } from "@/lib/verification/service";
import { signOutAction } from "@/lib/auth/actions";

export const metadata: Metadata = { title: "Invitación" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  const runtime = await getRuntime();
  const info = /^[\w-]{20,100}$/.test(token)
    ? await runtime.members.invitationInfo(token, user?.email ?? null)
    : null;
  const state = info?.state ?? "not_found";
  // Accepting proves nothing about the address by itself: the invitee confirms it first.
  const verification =
    user && state === "pending" ? await runtime.verification.status(user.id) : null;
  const query = `?invitacion=${encodeURIComponent(token)}`;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-bold tracking-tight text-brand-700">Tablero</p>
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">Invitación</h1>
          {state !== "pending" || !info ? (
            <>
              <Alert tone="error">
                {invitationMessages[state === "pending" ? "not_found" : state]}
              </Alert>
              {user && state === "wrong_email" ? (
                <form action={signOutAction}>
                  <input type="hidden" name="invitacion" value={token} />
                  <p className="mb-2 text-sm text-slate-600">Ingresaste como {user.email}.</p>
                  <button
                    type="submit"
                    className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
                  >
                    Salir para ingresar con otra cuenta
                  </button>
                </form>
              ) : (
                <Link href="/" className="text-sm font-medium text-brand-700 underline">
                  Ir a Tablero
                </Link>
              )}
            </>
          ) : (
            <>
              <p className="text-sm">
                {info.invitedBy ?? "Un dueño"} te invitó a <strong>{info.razonSocial}</strong> con
                el rol <strong>{roleLabels[info.role!]}</strong>.
              </p>
              {verification && !verification.verified ? (
                <Alert tone="warning" title="Confirmá tu email">
                  {verification.mailEnabled ? (
                    <>
                      <p>
                        {unverifiedMessage} Lo mandamos a {verification.email}; si no lo encontrás,
                        pedí otro.
                      </p>
                      <ResendVerification email={verification.email} />
                    </>
                  ) : (
                    <p>{MAIL_OFF}</p>
                  )}
                </Alert>
              ) : user ? (
                <AcceptInvitation token={token} />
              ) : (
                <div className="flex flex-wrap gap-3">
                  <Link
                    href={`/ingresar${query}`}
                    className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
                  >
                    Ingresar y aceptar
                  </Link>
                  <Link
                    href={`/registrarme${query}`}
                    className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100"
                  >
                    Crear cuenta y aceptar
                  </Link>
                </div>
              )}
            </>
          )}
        </div>
      </div>
    </main>
  );
}
