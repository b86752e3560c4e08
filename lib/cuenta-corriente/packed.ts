import type { MovimientoCuentaCorriente } from "@/lib/tusfacturas/types";

/**
 * Movements by column, in wire order (a row's `orden` is its index). A 20 000-movement
 * ledger is stored and sent to the browser in this form: without a key name per field it is
 * about half the size, and it is what a visit spends most of its time reading.
 */
export type PackedMovimientos = {
  v: 2;
  /** The date as days since 1970-01-01 (UTC): a third of the bytes of the ISO text. */
  dia: number[];
  /** Each concepto without its trailing "(NOMBRE)", which is stored once in `nombres`. */
  concepto: string[];
  /** Index into `nombres` of the row's trailing part, or -1 when it has none. */
  nombre: number[];
  nombres: string[];
  debe: number[];
  haber: number[];
  restaAbonar: number[];
  saldo: number[];
};

const DAY_MS = 86_400_000;
const TRAILING_NAME = /\s*\([^()]*\)\s*$/;

/** Packs rows (any order) into columns in wire order; `unpackMovimientos` gives them back exactly. */
export function packMovimientos(
  movimientos: readonly MovimientoCuentaCorriente[],
): PackedMovimientos {
  const packed: PackedMovimientos = {
    v: 2,
    dia: [],
    concepto: [],
    nombre: [],
    nombres: [],
    debe: [],
    haber: [],
    restaAbonar: [],
    saldo: [],
  };
  const nombreIndex = new Map<string, number>();
  for (const m of [...movimientos].sort((a, b) => a.orden - b.orden)) {
    packed.dia.push(Date.parse(`${m.fecha}T00:00:00Z`) / DAY_MS);
    // "FACTURA A 0002-00000001 (CLIENTE S.A.)": the client's name repeats on every row.
    const tail = TRAILING_NAME.exec(m.concepto)?.[0] ?? "";
    let index = -1;
    if (tail) {
      index = nombreIndex.get(tail) ?? packed.nombres.push(tail) - 1;
      nombreIndex.set(tail, index);
    }
    packed.concepto.push(tail ? m.concepto.slice(0, -tail.length) : m.concepto);
    packed.nombre.push(index);
    packed.debe.push(m.debeCentavos);
    packed.haber.push(m.haberCentavos);
    packed.restaAbonar.push(m.restaAbonarCentavos);
    packed.saldo.push(m.saldoCentavos);
  }
  return packed;
}

/** Back to rows; also accepts the row form older snapshots were stored in. */
export function unpackMovimientos(
  stored: PackedMovimientos | readonly MovimientoCuentaCorriente[],
): MovimientoCuentaCorriente[] {
  if (Array.isArray(stored)) return [...(stored as readonly MovimientoCuentaCorriente[])];
  const packed = stored as PackedMovimientos;
  const isoOf = new Map<number, string>();
  const iso = (dia: number) => {
    let text = isoOf.get(dia);
    if (text === undefined) {
      text = new Date(dia * DAY_MS).toISOString().slice(0, 10);
      isoOf.set(dia, text);
    }
    return text;
  };
  // The first packed form (v1) kept ISO dates; a few local databases may still hold it.
  const dias =
    packed.dia ??
    (packed as { fecha?: string[] }).fecha?.map((f) => Date.parse(`${f}T00:00:00Z`) / DAY_MS) ??
    [];
  return dias.map((dia, orden) => ({
    fecha: iso(dia),
    concepto: (packed.concepto[orden] ?? "") + (packed.nombres[packed.nombre[orden] ?? -1] ?? ""),
    debeCentavos: packed.debe[orden] ?? 0,
    haberCentavos: packed.haber[orden] ?? 0,
    restaAbonarCentavos: packed.restaAbonar[orden] ?? 0,
    saldoCentavos: packed.saldo[orden] ?? 0,
    orden,
  }));
}

/** A stored snapshot's movements in packed form, whichever form they were stored in. */
export function asPacked(
  stored: PackedMovimientos | readonly MovimientoCuentaCorriente[],
): PackedMovimientos {
  return Array.isArray(stored)
    ? packMovimientos(stored as readonly MovimientoCuentaCorriente[])
    : (stored as PackedMovimientos);
}
