"use client";

import { useRouter } from "next/navigation";
import { useReauth } from "@/components/reauth/use-reauth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { formatInteger } from "@/lib/format";
import { setRequestBudget } from "@/lib/spending/actions";
import type { Budget } from "@/lib/spending/guard";

/** The business's monthly budget of TusFacturas requests, and the owner's form to change it. */
export function RequestBudgetForm({ businessId, budget }: { businessId: string; budget: Budget }) {
  const router = useRouter();
  const reauth = useReauth();
  const form = useActionForm(
    (values) => reauth.guard(setRequestBudget)({ ...values, businessId }),
    () => router.refresh(),
  );
  const reached = budget.used >= budget.limit;
  return (
    <div className="space-y-3" data-testid="presupuesto">
      <p className="text-sm text-slate-800">
        Presupuesto del mes:{" "}
        <strong className="tabular-nums">
          {formatInteger(budget.used)} de {formatInteger(budget.limit)} requests
        </strong>{" "}
        {budget.custom
          ? "(fijado por un dueño)."
          : "(5% del cupo del plan, como mínimo 20; podés fijar otro)."}
      </p>
      {reached ? (
        <Alert tone="error">
          Se alcanzó el presupuesto: Tablero no hace más requests a TusFacturas para esta empresa
          este mes (las páginas muestran la copia guardada). Subilo para seguir actualizando.
        </Alert>
      ) : null}
      <form
        onSubmit={form.onSubmit}
        noValidate
        aria-label="Presupuesto mensual de requests"
        className="flex flex-wrap items-end gap-2"
      >
        <TextField
          label="Requests por mes"
          name="budget"
          inputMode="numeric"
          defaultValue={budget.custom ? String(budget.limit) : ""}
          hint="Vacío: según el cupo del plan."
          errors={form.fieldErrors("budget")}
          className="w-56"
        />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Guardando…" : "Guardar presupuesto"}
        </Button>
      </form>
      {reauth.dialog}
      <div aria-live="polite">
        {form.error && !form.error.fieldErrors ? (
          <Alert tone="error">{form.error.message}</Alert>
        ) : null}
      </div>
    </div>
  );
}
