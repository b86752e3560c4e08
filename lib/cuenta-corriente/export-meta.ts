/**
 * What every export says about itself: whose ledger, for which business and period.
 */
import { formatCuit } from "@/lib/cuit";
import { isoToDmy } from "./iso-date";

export type ExportMeta = {
  razonSocial: string;
  /** 11 digits. */
  cuitEmpresa: string;
  /** The client's name. */
  cliente: string;
  /** 11 digits. */
  cuitCliente: string;
  /** ISO date the view starts at, if filtered. */
  desde?: string;
  /** ISO date the view ends at, if filtered. */
  hasta?: string;
};

/** "01/01/2025 al 31/12/2025", "Desde 01/01/2025", "Hasta 31/12/2025" or "Todos los movimientos". */
export function periodLabel(meta: Pick<ExportMeta, "desde" | "hasta">): string {
  const { desde, hasta } = meta;
  if (desde && hasta) return `${isoToDmy(desde)} al ${isoToDmy(hasta)}`;
  if (desde) return `Desde ${isoToDmy(desde)}`;
  if (hasta) return `Hasta ${isoToDmy(hasta)}`;
  return "Todos los movimientos";
}

/** `30712293841` → `30-71229384-1`; anything that is not 11 digits goes as given. */
export function cuitLabel(cuit: string): string {
  return /^\d{11}$/.test(cuit) ? formatCuit(cuit) : cuit;
}

/**
 * `cuenta-corriente-<CUIT del cliente>[-<desde>_<hasta>].<ext>`, e.g.
 * `cuenta-corriente-30712293841-2025-01-01_2025-12-31.csv`; an open end reads `inicio`/`hoy`.
 */
export function exportFileName(meta: ExportMeta, extension: "csv" | "xlsx"): string {
  const cuit = meta.cuitCliente.replace(/\D/g, "");
  const period =
    meta.desde || meta.hasta ? `-${meta.desde ?? "inicio"}_${meta.hasta ?? "hoy"}` : "";
  return `cuenta-corriente-${cuit}${period}.${extension}`;
}
