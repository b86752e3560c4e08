"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { useReauth } from "@/components/reauth/use-reauth";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteBusiness } from "@/lib/businesses/actions";

export function DeleteBusiness({ businessId }: { businessId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const reauth = useReauth();
  return (
    <section aria-labelledby="business-delete" className="space-y-3 border-t border-slate-200 pt-6">
      <h2 id="business-delete" className="text-lg font-semibold text-red-800">
        Eliminar empresa
      </h2>
      <p className="text-sm text-slate-600">
        Borra la empresa de Tablero con sus credenciales y su historial. No cambia nada en
        TusFacturas.
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ConfirmButton
        label="Eliminar empresa"
        question="¿Eliminar esta empresa de Tablero?"
        confirmLabel="Sí, eliminar empresa"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await reauth.guard(deleteBusiness)({ businessId });
            if (result.ok) {
              router.push("/empresas");
              router.refresh();
            } else setError(result.error.message);
          })
        }
      />
      {reauth.dialog}
    </section>
  );
}
