import { startOfMonth } from "@/lib/audit/month";
import { isCupoLow } from "@/lib/consumo/low-cupo";
import type { CredentialStatus, IvaRequestStatus } from "@/lib/db/schema";
import { formatDayMonth } from "@/lib/format";

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export type PortfolioFacts = {
  consumo: {
    generados: number;
    cupo: number;
    disponibles: number;
    fetchedAt: string;
    /**
     * When the cupo runs out at this cycle's pace (ISO), only when that falls before the cycle
     * ends (lib/consumo/projection.ts); otherwise null.
     */
    runsOutAt: string | null;
  } | null;
  credentialStatus: CredentialStatus | null;
  credentialDetail: string | null;
  lastIva: { status: IvaRequestStatus; messages: string[] } | null;
};

export type PortfolioAlert = {
  /** `twoFactor`: the business requires it and the user has not turned it on. */
  kind: "cupo" | "pace" | "credentials" | "stale" | "iva" | "twoFactor";
  text: string;
};

/**
 * Whether a snapshot was taken in a month before `now`'s (Buenos Aires): TusFacturas renews the
 * cupo with the month, so its figures no longer say what is left.
 */
export function fromEarlierCycle(fetchedAt: string, now: Date): boolean {
  return Date.parse(fetchedAt) < startOfMonth(now).getTime();
}

/** What an accountant must notice on a business's card, from stored data only. */
export function alertsOf(facts: PortfolioFacts, now: Date): PortfolioAlert[] {
  const alerts: PortfolioAlert[] = [];
  const { consumo } = facts;
  const earlierCycle = consumo !== null && fromEarlierCycle(consumo.fetchedAt, now);
  if (consumo && !earlierCycle && isCupoLow(consumo)) {
    alerts.push({
      kind: "cupo",
      text: `Cupo bajo: quedan ${consumo.disponibles} de ${consumo.cupo} comprobantes.`,
    });
  }
  if (consumo?.runsOutAt) {
    const at = new Date(consumo.runsOutAt);
    const day = formatDayMonth(at);
    alerts.push({
      kind: "pace",
      text:
        at.getTime() > now.getTime()
          ? `A este ritmo, el cupo se agota alrededor del ${day}.`
          : `A este ritmo, el cupo ya se habría agotado alrededor del ${day}.`,
    });
  }
  if (facts.credentialStatus === null) {
    alerts.push({ kind: "credentials", text: "Sin credenciales de TusFacturas." });
  } else if (facts.credentialStatus !== "verified") {
    alerts.push({
      kind: "credentials",
      text: `Credenciales sin verificar${facts.credentialDetail ? `: ${facts.credentialDetail}` : "."}`,
    });
  }
  if (!consumo) {
    alerts.push({ kind: "stale", text: "Todavía no hay datos de consumo." });
  } else if (now.getTime() - Date.parse(consumo.fetchedAt) > WEEK_MS) {
    alerts.push({ kind: "stale", text: "Los datos tienen más de una semana." });
  } else if (earlierCycle) {
    alerts.push({ kind: "stale", text: "Los datos son del mes pasado: el cupo ya se renovó." });
  }
  if (facts.lastIva?.status === "rejected") {
    const reason = facts.lastIva.messages.join(" ");
    alerts.push({
      kind: "iva",
      text: `TusFacturas rechazó el último reporte de IVA${reason ? `: ${reason}` : "."}`,
    });
  }
  return alerts;
}

/** Share of the cupo left, for sorting (businesses without data go last). */
export function cupoLeft(consumo: PortfolioFacts["consumo"]): number {
  if (!consumo || consumo.cupo <= 0) return Number.POSITIVE_INFINITY;
  return consumo.disponibles / consumo.cupo;
}
