"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useReauth } from "@/components/reauth/use-reauth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setRequireTwoFactor } from "@/lib/two-factor/actions";

/**
 * The owner's "Verificación en dos pasos obligatoria": on, a member without it is asked to set
 * it up before entering. Turning it on needs the owner's own; turning it off, "Confirmá que
 * sos vos".
 */
export function RequireTwoFactor({
  businessId,
  required,
  ownTwoFactor,
}: {
  businessId: string;
  required: boolean;
  ownTwoFactor: boolean;
}) {
  const router = useRouter();
  const reauth = useReauth();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  function change(next: boolean) {
    setMessage(null);
    startTransition(async () => {
      const result = await reauth.guard(setRequireTwoFactor)({ businessId, required: next });
      setMessage(
        result.ok
          ? {
              tone: "success",
              text: next
                ? "Desde ahora, para entrar a esta empresa hace falta la verificación en dos pasos."
                : "La verificación en dos pasos ya no es obligatoria en esta empresa.",
            }
          : { tone: "error", text: result.error.message },
      );
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="seguridad-title" className="max-w-2xl space-y-3">
      <h2 id="seguridad-title" className="text-lg font-semibold">
        Verificación en dos pasos obligatoria
      </h2>
      <p className="text-sm text-slate-600">
        {required
          ? "Activada: nadie entra a esta empresa sin la verificación en dos pasos. A quien no la tenga, Tablero le pide activarla antes de entrar."
          : "Desactivada: cada miembro decide si usa la verificación en dos pasos."}
      </p>
      <div aria-live="polite">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      {required ? (
        <Button variant="secondary" disabled={pending} onClick={() => change(false)}>
          {pending ? "Guardando…" : "Dejar de pedirla"}
        </Button>
      ) : ownTwoFactor ? (
        <Button disabled={pending} onClick={() => change(true)}>
          {pending ? "Guardando…" : "Pedirla a todos los miembros"}
        </Button>
      ) : (
        <Alert tone="info">
          Para pedirla a los demás, primero activá la tuya en{" "}
          <Link href="/cuenta" className="font-medium underline">
            Tu cuenta
          </Link>
          .
        </Alert>
      )}
      {reauth.dialog}
    </section>
  );
}
