"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addClient, updateClient } from "@/lib/clientes/actions";
import { formatCuit } from "@/lib/cuit";

type Existing = { id: string; cuit: string; nombre: string };

/** "Agregar cliente" or, given `client`, "Editar cliente". */
export function ClientForm({
  businessId,
  client,
  onDone,
}: {
  businessId: string;
  client?: Existing;
  onDone: () => void;
}) {
  const router = useRouter();
  const form = useActionForm(
    (values) =>
      client
        ? updateClient({ ...values, businessId, clientId: client.id })
        : addClient({ ...values, businessId }),
    () => {
      router.refresh();
      onDone();
    },
  );
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      aria-label={client ? `Editar ${client.nombre}` : "Agregar cliente"}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {form.error && !form.error.fieldErrors ? (
        <Alert tone="error">{form.error.message}</Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Nombre o razón social"
          name="nombre"
          defaultValue={client?.nombre}
          required
          errors={form.fieldErrors("nombre")}
        />
        <TextField
          label="CUIT"
          name="cuit"
          inputMode="numeric"
          defaultValue={client ? formatCuit(client.cuit) : undefined}
          hint="11 dígitos, con o sin guiones."
          required
          errors={form.fieldErrors("cuit")}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Guardando…" : client ? "Guardar cambios" : "Agregar"}
        </Button>
        <Button variant="secondary" onClick={onDone} disabled={form.pending}>
          Cancelar
        </Button>
      </div>
    </form>
  );
}
