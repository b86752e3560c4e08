"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { removeClient } from "@/lib/clientes/actions";
import { ClientForm } from "./client-form";

export function ClientRowActions({
  businessId,
  client,
}: {
  businessId: string;
  client: { id: string; cuit: string; nombre: string };
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (editing)
    return <ClientForm businessId={businessId} client={client} onDone={() => setEditing(false)} />;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Button
        variant="secondary"
        onClick={() => setEditing(true)}
        aria-label={`Editar ${client.nombre}`}
      >
        Editar
      </Button>
      <ConfirmButton
        label="Quitar"
        question={`¿Quitar a ${client.nombre} de la cartera?`}
        confirmLabel="Sí, quitar"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await removeClient({ businessId, clientId: client.id });
            if (result.ok) router.refresh();
            else setError(result.error.message);
          })
        }
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
