"use client";

import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { monthNames } from "@/lib/iva/period";

export type PeriodValues = { mes: string; anio: string; email: string };

const monthOptions = monthNames.map((name, i) => ({
  value: String(i + 1),
  label: name[0]!.toUpperCase() + name.slice(1),
}));

/** Mes, Año and the one destination address, shared by both request forms. */
export function PeriodFields({
  values,
  years,
  onChange,
  errors,
  disabled,
}: {
  values: PeriodValues;
  years: readonly number[];
  onChange: (values: PeriodValues) => void;
  errors: (field: keyof PeriodValues) => string[] | undefined;
  disabled: boolean;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-[10rem_8rem_1fr]">
      <SelectField
        label="Mes"
        name="mes"
        options={monthOptions}
        value={values.mes}
        onChange={(event) => onChange({ ...values, mes: event.target.value })}
        errors={errors("mes")}
        disabled={disabled}
      />
      <SelectField
        label="Año"
        name="anio"
        options={years.map((year) => ({ value: String(year), label: String(year) }))}
        value={values.anio}
        onChange={(event) => onChange({ ...values, anio: event.target.value })}
        errors={errors("anio")}
        disabled={disabled}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        hint="Una sola dirección: TusFacturas envía el reporte ahí."
        value={values.email}
        onChange={(event) => onChange({ ...values, email: event.target.value })}
        errors={errors("email")}
        disabled={disabled}
        required
      />
    </div>
  );
}
