import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { currentUser } from "@/lib/auth/session";
import { getRuntime } from "@/lib/runtime";
import type { VerifyOutcome } from "@/lib/verification/service";

export const metadata: Metadata = { title: "Confirmar email" };

const HOW_TO_GET_ANOTHER =
  "Ingresá a Tablero y tocá «Reenviar email» en el aviso de arriba de la página: te mandamos un enlace nuevo.";

const refused: Record<Exclude<VerifyOutcome["outcome"], "verified">, [string, string]> = {
  already_verified: ["Tu email ya estaba confirmado", "No hace falta hacer nada más."],
  used: [
    "Este enlace ya no sirve",
    `Cada enlace sirve una sola vez, y solo el último que te enviamos. ${HOW_TO_GET_ANOTHER}`,
  ],
  expired: ["Este enlace venció", `Los enlaces valen 24 horas. ${HOW_TO_GET_ANOTHER}`],
  email_changed: [
    "Este enlace es para otro email",
    `El email de tu cuenta cambió después de que te lo enviamos. ${HOW_TO_GET_ANOTHER}`,
  ],
  invalid: [
    "No encontramos ese enlace",
    `Revisá que esté completo o, si es viejo, pedí uno nuevo. ${HOW_TO_GET_ANOTHER}`,
  ],
};

/**
 * The link in the verification email. Opening it is the proof (whoever can read the mailbox
 * owns the address), so it verifies on the visit, signed in or not; it works once.
 */
export default async function VerifyEmailPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ invitacion?: string }>;
}) {
  const [{ token }, { invitacion }] = await Promise.all([params, searchParams]);
  const result = await (await getRuntime()).verification.verify(token);
  const user = await currentUser();
  const invitation = invitacion && /^[\w-]{20,100}$/.test(invitacion) ? invitacion : null;
  const next = invitation
    ? user
      ? { href: `/invitacion/${invitation}`, label: "Ver la invitación" }
      : { href: `/ingresar?invitacion=${invitation}`, label: "Ingresar y aceptar la invitación" }
    : user
      ? { href: "/empresas", label: "Ir a Tablero" }
      : { href: "/ingresar", label: "Ingresar" };
  const [title, detail] =
    result.outcome === "verified"
      ? ["Tu email está confirmado", `Listo: ${result.email} es tu email en Tablero.`]
      : refused[result.outcome];
  const ok = result.outcome === "verified" || result.outcome === "already_verified";
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-bold tracking-tight text-brand-700">Tablero</p>
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">Confirmar email</h1>
          <Alert tone={ok ? "success" : "error"} title={title}>
            {detail}
          </Alert>
          <Link
            href={next.href}
            className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {next.label}
          </Link>
        </div>
      </div>
    </main>
  );
}
