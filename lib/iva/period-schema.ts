/**
 * The IVA form's fields as the action checks them (zod, server side); the period arithmetic the
 * form itself uses stays in period.ts, out of zod's way.
 */
import { z } from "zod";
import { currentPeriod, FIRST_YEAR, formatPeriod, type Period } from "./period";

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
