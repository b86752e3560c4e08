import { describe, expect, it } from "vitest";
import { LOW_CUPO_PERCENT } from "@/lib/consumo/low-cupo";
import { alertsOf, cupoLeft, WEEK_MS, type PortfolioFacts } from "./alerts";

const NOW = new Date("2026-11-20T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

/** A business with nothing to report: verified, fresh data, plenty of cupo, no IVA trouble. */
function facts(overrides: Partial<PortfolioFacts> = {}): PortfolioFacts {
  return {
    consumo: { generados: 10, cupo: 100, disponibles: 90, fetchedAt: ago(60_000), runsOutAt: null },
    credentialStatus: "verified",
    credentialDetail: null,
    lastIva: null,
    ...overrides,
  };
}

const consumo = (cupo: number, disponibles: number, fetchedAt = ago(60_000)) => ({
  generados: cupo - disponibles,
  cupo,
  disponibles,
  fetchedAt,
  runsOutAt: null,
});

describe("alertsOf", () => {
  it("says when the cupo runs out this cycle at its pace, as dd/mm in Buenos Aires", () => {
    // 23:30 on 24 November in Buenos Aires.
    const runsOutAt = "2026-11-25T02:30:00.000Z";
    expect(alertsOf(facts({ consumo: { ...consumo(100, 60), runsOutAt } }), NOW)).toEqual([
      { kind: "pace", text: "A este ritmo, el cupo se agota alrededor del 24/11." },
    ]);
    // Stored data that is days old can put that day in the past.
    const past = { ...consumo(100, 60, ago(5 * 86_400_000)), runsOutAt: ago(86_400_000) };
    expect(alertsOf(facts({ consumo: past }), NOW)).toEqual([
      { kind: "pace", text: "A este ritmo, el cupo ya se habría agotado alrededor del 19/11." },
    ]);
  });

  it("has nothing to say about a healthy business", () => {
    expect(alertsOf(facts(), NOW)).toEqual([]);
    expect(LOW_CUPO_PERCENT).toBe(20);
  });

  it("warns of a low cupo only below 20 % left", () => {
    expect(alertsOf(facts({ consumo: consumo(100, 20) }), NOW)).toEqual([]);
    expect(alertsOf(facts({ consumo: consumo(100, 19) }), NOW)).toEqual([
      { kind: "cupo", text: "Cupo bajo: quedan 19 de 100 comprobantes." },
    ]);
    expect(alertsOf(facts({ consumo: consumo(500, 100) }), NOW)).toEqual([]);
    expect(alertsOf(facts({ consumo: consumo(500, 99) }), NOW)).toEqual([
      { kind: "cupo", text: "Cupo bajo: quedan 99 de 500 comprobantes." },
    ]);
    expect(alertsOf(facts({ consumo: consumo(25, 0) }), NOW)).toEqual([
      { kind: "cupo", text: "Cupo bajo: quedan 0 de 25 comprobantes." },
    ]);
    // No floating-point surprise at exactly 20 % of any cupo.
    for (let cupo = 5; cupo <= 20_000; cupo += 5) {
      expect(alertsOf(facts({ consumo: consumo(cupo, cupo / 5) }), NOW)).toEqual([]);
      expect(alertsOf(facts({ consumo: consumo(cupo, cupo / 5 - 1) }), NOW)).toHaveLength(1);
    }
  });

  it("says nothing about the cupo of a plan with no cupo", () => {
    expect(alertsOf(facts({ consumo: consumo(0, 0) }), NOW)).toEqual([]);
  });

  it("warns of missing or unverified credentials, with the reason when known", () => {
    expect(alertsOf(facts({ credentialStatus: null }), NOW)).toEqual([
      { kind: "credentials", text: "Sin credenciales de TusFacturas." },
    ]);
    expect(alertsOf(facts({ credentialStatus: "unverified" }), NOW)).toEqual([
      { kind: "credentials", text: "Credenciales sin verificar." },
    ]);
    expect(
      alertsOf(
        facts({
          credentialStatus: "unverified",
          credentialDetail: "TusFacturas rechazó las credenciales.",
        }),
        NOW,
      ),
    ).toEqual([
      {
        kind: "credentials",
        text: "Credenciales sin verificar: TusFacturas rechazó las credenciales.",
      },
    ]);
    // A stale detail on verified credentials is not shown.
    expect(
      alertsOf(facts({ credentialStatus: "verified", credentialDetail: "viejo" }), NOW),
    ).toEqual([]);
  });

  it("says when there is no consumo yet", () => {
    expect(alertsOf(facts({ consumo: null }), NOW)).toEqual([
      { kind: "stale", text: "Todavía no hay datos de consumo." },
    ]);
  });

  it("warns of data more than a week old", () => {
    expect(WEEK_MS).toBe(604_800_000);
    const stale = [{ kind: "stale", text: "Los datos tienen más de una semana." }];
    expect(alertsOf(facts({ consumo: consumo(100, 90, ago(WEEK_MS - 1)) }), NOW)).toEqual([]);
    expect(alertsOf(facts({ consumo: consumo(100, 90, ago(WEEK_MS)) }), NOW)).toEqual([]);
    expect(alertsOf(facts({ consumo: consumo(100, 90, ago(WEEK_MS + 1)) }), NOW)).toEqual(stale);
    expect(alertsOf(facts({ consumo: consumo(100, 90, ago(30 * 86_400_000)) }), NOW)).toEqual(
      stale,
    );
  });

  it("says nothing of last month's cupo once the month has renewed it", () => {
    // 490 of 500 used, read at 23:00 on 31 October in Buenos Aires (already 1 November in UTC).
    const october = { ...consumo(500, 10, "2026-11-01T02:00:00.000Z") };
    const earlier = [
      { kind: "stale", text: "Los datos son del mes pasado: el cupo ya se renovó." },
    ];
    expect(alertsOf(facts({ consumo: october }), new Date("2026-11-01T13:00:00-03:00"))).toEqual(
      earlier,
    );
    // Still October in Buenos Aires: the same figures are this cycle's.
    expect(alertsOf(facts({ consumo: october }), new Date("2026-10-31T23:59:00-03:00"))).toEqual([
      { kind: "cupo", text: "Cupo bajo: quedan 10 de 500 comprobantes." },
    ]);
    // Over a week old, that is what it says.
    expect(alertsOf(facts({ consumo: october }), new Date("2026-11-09T12:00:00-03:00"))).toEqual([
      { kind: "stale", text: "Los datos tienen más de una semana." },
    ]);
  });

  it("warns when TusFacturas rejected the last IVA report, with its messages", () => {
    expect(
      alertsOf(
        facts({
          lastIva: {
            status: "rejected",
            messages: ["El período no está cerrado.", "Revisá el email."],
          },
        }),
        NOW,
      ),
    ).toEqual([
      {
        kind: "iva",
        text: "TusFacturas rechazó el último reporte de IVA: El período no está cerrado. Revisá el email.",
      },
    ]);
    expect(alertsOf(facts({ lastIva: { status: "rejected", messages: [] } }), NOW)).toEqual([
      { kind: "iva", text: "TusFacturas rechazó el último reporte de IVA." },
    ]);
    for (const status of ["sent", "pending", "failed", "unconfirmed"] as const) {
      expect(alertsOf(facts({ lastIva: { status, messages: ["algo"] } }), NOW)).toEqual([]);
    }
  });

  it("lists every alert at once, in a stable order", () => {
    expect(
      alertsOf(
        {
          consumo: consumo(100, 5, ago(8 * 86_400_000)),
          credentialStatus: "unverified",
          credentialDetail: null,
          lastIva: { status: "rejected", messages: [] },
        },
        NOW,
      ).map((a) => a.kind),
    ).toEqual(["cupo", "credentials", "stale", "iva"]);
    expect(
      alertsOf(
        { consumo: null, credentialStatus: null, credentialDetail: null, lastIva: null },
        NOW,
      ),
    ).toEqual([
      { kind: "credentials", text: "Sin credenciales de TusFacturas." },
      { kind: "stale", text: "Todavía no hay datos de consumo." },
    ]);
  });
});

describe("cupoLeft", () => {
  it("is the share of the cupo left", () => {
    expect(cupoLeft(consumo(100, 25))).toBe(0.25);
    expect(cupoLeft(consumo(40, 0))).toBe(0);
    expect(cupoLeft(consumo(40, 40))).toBe(1);
  });

  it("sorts the most urgent first and businesses without data last", () => {
    const cards = [
      { name: "sin datos", consumo: null },
      { name: "mitad", consumo: consumo(100, 50) },
      { name: "sin cupo", consumo: consumo(0, 0) },
      { name: "casi nada", consumo: consumo(1000, 10) },
      { name: "lleno", consumo: consumo(10, 10) },
      { name: "agotado", consumo: consumo(10, 0) },
    ];
    const sorted = [...cards].sort((a, b) => cupoLeft(a.consumo) - cupoLeft(b.consumo));
    expect(sorted.slice(0, 4).map((c) => c.name)).toEqual([
      "agotado",
      "casi nada",
      "mitad",
      "lleno",
    ]);
    expect(
      sorted
        .slice(4)
        .map((c) => c.name)
        .sort(),
    ).toEqual(["sin cupo", "sin datos"]);
    expect(cupoLeft(null)).toBe(Number.POSITIVE_INFINITY);
    expect(cupoLeft(consumo(0, 0))).toBe(Number.POSITIVE_INFINITY);
  });
});
