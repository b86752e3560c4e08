/** How the ledger and its exports write a stored lookup. Pure. */
import type { CtacteStatus } from "@/lib/tusfacturas/types";
import type { Vencimiento } from "./refs";

const ESTADOS: Record<CtacteStatus, string> = {
  pagada: "Pagada",
  impaga: "Impaga",
  pago_parcial: "Pago parcial",
};

/** "Pagada", "Impaga", "Pago parcial", or "" when there is nothing to say (exports). */
export function estadoOf(vencimiento: Vencimiento | undefined): string {
  return vencimiento?.estado ? ESTADOS[vencimiento.estado] : "";
}

/** The same, "—" when there is nothing to say (the table). */
export function estadoLabel(vencimiento: Vencimiento | undefined): string {
  return estadoOf(vencimiento) || "—";
}

/** The due date as dd/mm/aaaa, or "—". */
export function venceLabel(vencimiento: Vencimiento | undefined): string {
  const iso = vencimiento?.vence;
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "—";
}
