/**
 * Builders for the tests of this folder: movements and ledger rows with only the fields a test
 * cares about spelled out.
 */
import type { MovimientoCuentaCorriente } from "@/lib/tusfacturas/types";
import { parseConcepto } from "@/lib/cuenta-corriente/concepto";
import type { LedgerRow } from "@/lib/cuenta-corriente/ledger";

/** A movement with zero amounts unless given; `orden` defaults to 0. */
export function movimiento(
  fields: Partial<MovimientoCuentaCorriente> & Pick<MovimientoCuentaCorriente, "fecha">,
): MovimientoCuentaCorriente {
  return {
    concepto: "FACTURA A 0002-00000001 (CLIENTE)",
    debeCentavos: 0,
    haberCentavos: 0,
    restaAbonarCentavos: 0,
    saldoCentavos: 0,
    orden: 0,
    ...fields,
  };
}

/** A ledger row; the comprobante is parsed from `concepto` unless given. */
export function ledgerRow(fields: Partial<LedgerRow> & Pick<LedgerRow, "fecha">): LedgerRow {
  const concepto = fields.concepto ?? "FACTURA A 0002-00000001 (CLIENTE)";
  return {
    concepto,
    comprobante: parseConcepto(concepto),
    debeCentavos: 0,
    haberCentavos: 0,
    restaAbonarCentavos: 0,
    saldoReportadoCentavos: fields.saldoCentavos ?? 0,
    saldoCentavos: 0,
    saldoDifiere: false,
    orden: 0,
    ...fields,
  };
}
