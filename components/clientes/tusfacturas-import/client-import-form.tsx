"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { startClientImport } from "@/lib/clientes/tusfacturas-import/actions";

/** The range to walk (dd/mm/aaaa, up to 12 months) and «Buscar clientes». */
export function ClientImportForm({
  businessId,
  defaults,
  onStarted,
  onCancel,
}: {
  businessId: string;
  defaults: { desde: string; hasta: string };
  onStarted: (started: boolean) => void;
  onCancel?: () => void;
}) {
  const form = useActionForm(
    (values) => startClientImport({ ...values, businessId }),
    (data) => onStarted(data.started),
  );
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      aria-label="Buscar clientes en TusFacturas"
      className="space-y-3"
    >
      {form.error && !form.error.fieldErrors ? (
        <Alert tone="error">{form.error.message}</Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Desde"
          name="desde"
          defaultValue={defaults.desde}
          inputMode="numeric"
          hint="dd/mm/aaaa"
          required
          errors={form.fieldErrors("desde")}
        />
        <TextField
          label="Hasta"
          name="hasta"
          defaultValue={defaults.hasta}
          inputMode="numeric"
          hint="dd/mm/aaaa. El período puede abarcar hasta 12 meses."
          required
          errors={form.fieldErrors("hasta")}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Empezando…" : "Buscar clientes"}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={form.pending}>
            Volver
          </Button>
        ) : null}
      </div>
    </form>
  );
}
