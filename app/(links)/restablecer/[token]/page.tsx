import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { getRuntime } from "@/lib/runtime";

// The token is in the URL: no other site may learn it from a Referer.
export const metadata: Metadata = { title: "Elegí una contraseña nueva", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const usable = await (await getRuntime()).tokens.isUsable(token, "reset-password");
  if (!usable) {
    return (
      <>
        <h1 className="text-xl font-semibold">El enlace ya no sirve</h1>
        <p className="mt-2 text-sm text-slate-700">El enlace venció o ya se usó: pedí uno nuevo.</p>
        <p className="mt-1 text-sm text-slate-600">
          Cada enlace vale 1 hora y sirve una sola vez, y solo el último que pediste.
        </p>
        <p className="mt-6 text-sm">
          <Link href="/olvide-mi-contrasena" className="font-medium text-brand-700 underline">
            Pedir un enlace nuevo
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">Elegí una contraseña nueva</h1>
      <p className="mt-1 text-sm text-slate-600">
        Después de guardarla, ingresá con tu email y la contraseña nueva.
      </p>
      <ResetPasswordForm token={token} />
    </>
  );
}
