import { describe, expect, it } from "vitest";
import { currentPeriod, formatPeriod, periodCode, previousPeriod, selectableYears } from "./period";
import { ivaPeriodSchema, singleEmailSchema } from "./period-schema";

const at = (iso: string) => () => new Date(iso);
// 20 November 2026, 09:00 in Buenos Aires.
const november2026 = at("2026-11-20T12:00:00Z");

/** `{ field: message }` of a failed parse, or the parsed value. */
function check(input: Record<string, unknown>, clock = november2026) {
  const result = ivaPeriodSchema(clock).safeParse({ email: "ana@example.com", ...input });
  if (result.success) return { ok: result.data };
  return {
    errors: Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message])),
  };
}

describe("currentPeriod and previousPeriod", () => {
  it.each([
    // 23:00 of 30 November in Buenos Aires (UTC-3), already December in UTC.
    ["2026-12-01T02:00:00Z", { anio: 2026, mes: 11 }, { anio: 2026, mes: 10 }],
    ["2026-12-01T03:00:00Z", { anio: 2026, mes: 12 }, { anio: 2026, mes: 11 }],
    // New Year's Eve in Buenos Aires, New Year's Day in UTC.
    ["2027-01-01T02:59:59Z", { anio: 2026, mes: 12 }, { anio: 2026, mes: 11 }],
    ["2027-01-01T03:00:00Z", { anio: 2027, mes: 1 }, { anio: 2026, mes: 12 }],
    ["2027-01-31T12:00:00Z", { anio: 2027, mes: 1 }, { anio: 2026, mes: 12 }],
    ["2026-02-15T12:00:00Z", { anio: 2026, mes: 2 }, { anio: 2026, mes: 1 }],
  ])("at %s", (iso, current, previous) => {
    expect(currentPeriod(new Date(iso))).toEqual(current);
    expect(previousPeriod(new Date(iso))).toEqual(previous);
  });
});

describe("formatPeriod, periodCode and selectableYears", () => {
  it("write a period as the history and the log show it", () => {
    expect(formatPeriod({ anio: 2026, mes: 10 })).toBe("octubre de 2026");
    expect(formatPeriod({ anio: 2000, mes: 1 })).toBe("enero de 2000");
    expect(periodCode({ anio: 2026, mes: 10 })).toBe("10/2026");
    expect(periodCode({ anio: 2000, mes: 1 })).toBe("01/2000");
  });

  it("offer the years from the current one in Buenos Aires down to 2000", () => {
    const years = selectableYears(new Date("2027-01-01T02:00:00Z"));
    expect(years).toHaveLength(27);
    expect(years.slice(0, 2)).toEqual([2026, 2025]);
    expect(years.at(-1)).toBe(2000);
    expect(selectableYears(new Date("2027-01-01T03:00:00Z"))[0]).toBe(2027);
  });
});

describe("ivaPeriodSchema: the month", () => {
  it.each([
    [0, "El mes va de 1 a 12."],
    [13, "El mes va de 1 a 12."],
    [-1, "El mes va de 1 a 12."],
    [1.5, "Elegí el mes."],
    ["", "Elegí el mes."],
    ["  ", "Elegí el mes."],
    ["marzo", "Elegí el mes."],
    [null, "Elegí el mes."],
    [undefined, "Elegí el mes."],
    [true, "Elegí el mes."],
  ])("refuses %j", (mes, message) => {
    expect(check({ anio: 2025, mes })).toEqual({ errors: { mes: message } });
  });

  it.each([
    [1, 1],
    [12, 12],
    ["3", 3],
    [" 7 ", 7],
  ])("accepts %j in a past year", (mes, parsed) => {
    expect(check({ anio: 2025, mes })).toEqual({
      ok: { anio: 2025, mes: parsed, email: "ana@example.com" },
    });
  });
});

describe("ivaPeriodSchema: the year", () => {
  it.each([
    [1999, { anio: "El año no puede ser anterior a 2000." }],
    [2027, { anio: "El año va de 2000 a 2026." }],
    [2026.5, { anio: "Elegí el año." }],
    ["", { anio: "Elegí el año." }],
  ])("refuses %j", (anio, errors) => {
    expect(check({ anio, mes: 1 })).toEqual({ errors });
  });

  it.each([2000, 2026, "2026"])("accepts %j", (anio) => {
    expect(check({ anio, mes: 1 }).ok?.anio).toBe(Number(anio));
  });

  it("reports a wrong month and a future year together", () => {
    expect(check({ anio: 2027, mes: 13 })).toEqual({
      errors: { mes: "El mes va de 1 a 12.", anio: "El año va de 2000 a 2026." },
    });
  });
});

describe("ivaPeriodSchema: no future period", () => {
  const future = "No se puede pedir un período futuro: el último es noviembre de 2026.";

  it("accepts the current month and refuses the next one", () => {
    expect(check({ anio: 2026, mes: 11 }).ok).toEqual({
      anio: 2026,
      mes: 11,
      email: "ana@example.com",
    });
    expect(check({ anio: 2026, mes: 12 })).toEqual({ errors: { mes: future } });
  });

  it("goes by the month in Buenos Aires, not in UTC", () => {
    const lateNovember = at("2026-12-01T02:00:00Z");
    expect(check({ anio: 2026, mes: 12 }, lateNovember)).toEqual({ errors: { mes: future } });
    expect(check({ anio: 2026, mes: 12 }, at("2026-12-01T03:00:00Z")).ok?.mes).toBe(12);
  });

  it("in January accepts December of the previous year and this January, not February", () => {
    const january = at("2027-01-10T12:00:00Z");
    expect(check({ anio: 2026, mes: 12 }, january).ok).toEqual({
      anio: 2026,
      mes: 12,
      email: "ana@example.com",
    });
    expect(check({ anio: 2027, mes: 1 }, january).ok?.mes).toBe(1);
    expect(check({ anio: 2027, mes: 2 }, january)).toEqual({
      errors: { mes: "No se puede pedir un período futuro: el último es enero de 2027." },
    });
  });

  it("reads the clock on every parse, so one schema serves a long-running server", () => {
    let now = new Date("2026-11-30T12:00:00Z");
    const schema = ivaPeriodSchema(() => now);
    const december = { anio: 2026, mes: 12, email: "ana@example.com" };
    expect(schema.safeParse(december).success).toBe(false);
    now = new Date("2026-12-01T12:00:00Z");
    expect(schema.safeParse(december).success).toBe(true);
  });
});

describe("singleEmailSchema", () => {
  const parse = (email: unknown) => {
    const result = singleEmailSchema.safeParse(email);
    return result.success
      ? { ok: result.data }
      : { errors: result.error.issues.map((i) => i.message) };
  };

  it("accepts one address, trimmed, keeping its case", () => {
    expect(parse("ana@example.com")).toEqual({ ok: "ana@example.com" });
    expect(parse("  Ana.Perez@Estudio.com.ar \n")).toEqual({ ok: "Ana.Perez@Estudio.com.ar" });
  });

  it.each([
    "ana@example.com, luis@example.com",
    "ana@example.com,luis@example.com",
    "ana@example.com; luis@example.com",
    "ana@example.com luis@example.com",
    "ana@example.com\tluis@example.com",
    "ana@example.com luis",
  ])("refuses a list: %j", (email) => {
    expect(parse(email)).toEqual({ errors: ["Indicá una sola dirección de email."] });
  });

  it.each(["ana.example.com", "ana@", "@example.com", "ana@example", "ana@example..com"])(
    "refuses a malformed address: %j",
    (email) => {
      expect(parse(email)).toEqual({ errors: ["La dirección de email no es válida."] });
    },
  );

  it.each(["", "   ", undefined, null])("asks for an address when there is none: %j", (email) => {
    expect(parse(email)).toEqual({ errors: ["Ingresá una dirección de email."] });
  });

  it("refuses an address longer than 254 characters", () => {
    expect(parse(`${"a".repeat(243)}@example.com`)).toEqual({
      errors: ["La dirección de email es demasiado larga."],
    });
    expect(parse(`${"a".repeat(242)}@example.com`)).toEqual({
      ok: `${"a".repeat(242)}@example.com`,
    });
  });

  it("is the form's email field", () => {
    expect(check({ anio: 2026, mes: 10, email: " ana@example.com; luis@example.com " })).toEqual({
      errors: { email: "Indicá una sola dirección de email." },
    });
    expect(check({ anio: 2026, mes: 10, email: "ana(at)example.com" })).toEqual({
      errors: { email: "La dirección de email no es válida." },
    });
    expect(check({ anio: 2026, mes: 10, email: "" })).toEqual({
      errors: { email: "Ingresá una dirección de email." },
    });
  });
});
