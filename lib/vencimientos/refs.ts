/**
 * Which ledger rows Tablero looks up in TusFacturas for a due date, and the key they are stored
 * and found under. Pure: shared by the server (planning, storing) and the browser (the table).
 */
import type { Comprobante } from "@/lib/cuenta-corriente/concepto";
import type { CtacteStatus } from "@/lib/tusfacturas/types";

/** A comprobante as TusFacturas names it in its lookups. */
export type ComprobanteKey = {
  /** TusFacturas' type with its letter: "FACTURA A", "NOTA DE DEBITO B". */
  tipo: string;
  puntoVenta: number;
  numero: number;
};

/** What Tablero stored of one lookup: `found` false is "sin dato" (TusFacturas does not know it). */
export type Vencimiento = {
  found: boolean;
  /** ISO due date, or null when TusFacturas gives none (or does not know the comprobante). */
  vence: string | null;
  estado: CtacteStatus | null;
};

/** Stored lookups by `keyOf`. Plain data, sent to the browser with the ledger's view. */
export type VencimientosByKey = Record<string, Vencimiento>;

// Only what a client is charged and may owe: facturas and notas de débito.
const WIRE_TIPO: Partial<Record<Comprobante["tipo"], string>> = {
  factura: "FACTURA",
  nota_debito: "NOTA DE DEBITO",
};

/** What the ledger page gets: the stored lookups of the client's unpaid comprobantes. */
export type VencimientosView = {
  byKey: VencimientosByKey;
  /** Unpaid comprobantes still to be looked up (0 when no lookup will run). */
  pending: number;
};

/** The lookup key of a parsed concepto, or null for a type Tablero does not look up. */
export function lookupKeyOf(comprobante: Comprobante | null): ComprobanteKey | null {
  if (!comprobante?.letra) return null;
  const tipo = WIRE_TIPO[comprobante.tipo];
  if (!tipo) return null;
  return {
    tipo: `${tipo} ${comprobante.letra}`,
    puntoVenta: Number(comprobante.puntoVenta),
    numero: Number(comprobante.numero),
  };
}

/** "FACTURA A|2|268": one string per comprobante of a business. */
export function keyOf({ tipo, puntoVenta, numero }: ComprobanteKey): string {
  return `${tipo}|${puntoVenta}|${numero}`;
}

/** The stored lookup of a ledger row, if any. */
export function vencimientoOf(
  comprobante: Comprobante | null,
  byKey: VencimientosByKey,
): Vencimiento | undefined {
  const key = lookupKeyOf(comprobante);
  return key ? byKey[keyOf(key)] : undefined;
}
