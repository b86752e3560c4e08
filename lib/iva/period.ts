import { z } from "zod";
import { TIME_ZONE } from "@/lib/format";

export type Period = { anio: number; mes: number };

export const FIRST_YEAR = 2000;

export const monthNames = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
] as const;

const calendar = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
});

/** The month it is in Buenos Aires. */
export function currentPeriod(now: Date): Period {
  const parts = calendar.formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { anio: get("year"), mes: get("month") };
}

/** The month before the current one: what is filed, so what the form preselects. */
export function previousPeriod(now: Date): Period {
  const { anio, mes } = currentPeriod(now);
  return mes === 1 ? { anio: anio - 1, mes: 12 } : { anio, mes: mes - 1 };
}

/** "octubre de 2026". */
export function formatPeriod({ anio, mes }: Period): string {
  return `${monthNames[mes - 1]} de ${anio}`;
}

/** "10/2026", as the history shows it and as `tusfacturas_requests.subject` records it. */
export function periodCode({ anio, mes }: Period): string {
  return `${String(mes).padStart(2, "0")}/${anio}`;
}

function integerField(label: string) {
  const message = `Elegí el ${label}.`;
  // The union's own message too: a missing field would otherwise say "Invalid input".
  return z.union([z.number(), z.string().trim()], { error: message }).transform((value, ctx) => {
    const n = typeof value === "number" ? value : value === "" ? NaN : Number(value);
    if (!Number.isInteger(n)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
}

/**
 * One address, as TusFacturas accepts it: a list ("a@b.com, c@d.com") is refused with its
 * own message rather than as a malformed address.
 */
export const singleEmailSchema = z
  .string({ error: "Ingresá una dirección de email." })
  .trim()
  .min(1, "Ingresá una dirección de email.")
  .max(254, "La dirección de email es demasiado larga.")
  .refine((email) => !/[,;\s]/.test(email) && (email.match(/@/g) ?? []).length <= 1, {
    message: "Indicá una sola dirección de email.",
    abort: true,
  })
  .pipe(z.email("La dirección de email no es válida."));

/** The form's fields: each checked on its own; `checkPeriod` checks them together. */
export const ivaPeriodFields = {
  mes: integerField("mes").refine((mes) => mes >= 1 && mes <= 12, "El mes va de 1 a 12."),
  anio: integerField("año").refine(
    (anio) => anio >= FIRST_YEAR,
    `El año no puede ser anterior a ${FIRST_YEAR}.`,
  ),
  email: singleEmailSchema,
};

/**
 * No year after the current one and no future month. `clock` is read when a value is
 * parsed, so one schema serves a long-running server.
 */
export function checkPeriod(clock: () => Date = () => new Date()) {
  return ({ anio, mes }: Period, ctx: z.RefinementCtx): void => {
    const today = currentPeriod(clock());
    if (anio > today.anio) {
      ctx.addIssue({
        code: "custom",
        path: ["anio"],
        message: `El año va de ${FIRST_YEAR} a ${today.anio}.`,
      });
    } else if (anio === today.anio && mes > today.mes) {
      ctx.addIssue({
        code: "custom",
        path: ["mes"],
        message: `No se puede pedir un período futuro: el último es ${formatPeriod(today)}.`,
      });
    }
  };
}

/** Period and address of an IVA report request, as the form sends them. */
export function ivaPeriodSchema(clock?: () => Date) {
  return z.object(ivaPeriodFields).superRefine(checkPeriod(clock));
}

/** Every period the form offers, newest first (the current month down to January 2000). */
export function selectableYears(now: Date): number[] {
  const { anio } = currentPeriod(now);
  return Array.from({ length: anio - FIRST_YEAR + 1 }, (_, i) => anio - i);
}

/** `?periodo=2026-10` → the period; anything else → null (the whole history). */
export function parsePeriodParam(value: string | undefined): Period | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value?.trim() ?? "");
  if (!match) return null;
  const anio = Number(match[1]);
  const mes = Number(match[2]);
  return anio >= FIRST_YEAR && mes >= 1 && mes <= 12 ? { anio, mes } : null;
}
