"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createBusiness } from "@/lib/businesses/actions";
import { CredentialFields } from "./credential-fields";

export function BusinessForm() {
  const router = useRouter();
  const form = useActionForm(createBusiness, ({ businessId, verified }) => {
    router.push(
      verified
        ? `/empresas/${businessId}/consumo`
        : `/empresas/${businessId}/credenciales?verificacion=fallida`,
    );
    // The header's business switcher lists the new business too.
    router.refresh();
  });
  return (
    <form onSubmit={form.onSubmit} className="mt-6 space-y-4" noValidate>
      {form.error ? <Alert tone="error">{form.error.message}</Alert> : null}
      <TextField
        label="Razón social"
        name="razonSocial"
        autoComplete="organization"
        required
        errors={form.fieldErrors("razonSocial")}
      />
      <TextField
        label="CUIT"
        name="cuit"
        inputMode="numeric"
        hint="11 dígitos, con o sin guiones."
        required
        errors={form.fieldErrors("cuit")}
      />
      <TextField
        label="Punto de venta"
        name="puntoVenta"
        inputMode="numeric"
        hint="Opcional."
        errors={form.fieldErrors("puntoVenta")}
      />
      <CredentialFields errors={form.fieldErrors} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Guardando y verificando…" : "Guardar"}
      </Button>
    </form>
  );
}
