/**
 * `facturacion/consulta_avanzada` ("F" and "TN") and `facturacion/consulta`, served from the
 * account's seeded comprobantes (own punto de venta only, most recent first). An empty result
 * is answered like cuenta-corriente's: `error: "S"` with "No se han encontrado comprobantes."
 */
import { parseWireDate } from "../fecha";
import type { SeededComprobante } from "./comprobantes";
import { toWireComprobante } from "./comprobantes-wire";
import { jsonResponse, rejection, type EmulatorResponse } from "./responses";
import type { SeededAccount } from "./seed";

type Body = Record<string, unknown>;

export const SIN_COMPROBANTES = "No se han encontrado comprobantes.";
const MAX_LIMITE = 1000;

const textOf = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" ? String(value).trim() : "";

function integerOf(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) ? n : null;
}

const tipoOf = (value: unknown) => textOf(value).replace(/\s+/g, " ").toUpperCase();

function notFound(extra: Body = {}): EmulatorResponse {
  return jsonResponse(200, { error: "S", errores: [SIN_COMPROBANTES], rta: "ERROR", ...extra });
}

type Filter =
  { ok: true; match: (c: SeededComprobante) => boolean } | { ok: false; errores: string[] };

function filterOf(busqueda: string, query: Body, puntoVenta: number): Filter {
  if (busqueda === "F") {
    const fecha = parseWireDate(textOf(query.fecha));
    if (fecha === null) return { ok: false, errores: ["La fecha indicada no es válida."] };
    return { ok: true, match: (c) => c.fecha === fecha };
  }
  if (busqueda === "TN") {
    const tipo = tipoOf(query.tipo);
    const pv = integerOf(query.punto_venta);
    const desde = integerOf(query.numero_desde);
    const hasta = integerOf(query.numero_hasta);
    if (!tipo || pv === null || desde === null || hasta === null) {
      return { ok: false, errores: ["Debés indicar tipo, punto de venta y rango de números."] };
    }
    return {
      ok: true,
      match: (c) => c.tipo === tipo && pv === puntoVenta && c.numero >= desde && c.numero <= hasta,
    };
  }
  // No seeded comprobante carries an external reference.
  if (busqueda === "EXT_REF") return { ok: true, match: () => false };
  return { ok: false, errores: ["El tipo de búsqueda no es válido."] };
}

/** `facturacion/consulta_avanzada`: `pagina` from 0, `limite` up to 1 000, `total` before paging. */
export function handleConsultaAvanzada(account: SeededAccount, body: Body): EmulatorResponse {
  const query = body.comprobante;
  if (typeof query !== "object" || query === null) {
    return rejection(["Debés indicar los datos del comprobante a buscar."]);
  }
  const pagina = body.pagina === undefined ? 0 : integerOf(body.pagina);
  const limite = body.limite === undefined ? MAX_LIMITE : integerOf(body.limite);
  if (pagina === null || pagina < 0) return rejection(["La página indicada no es válida."]);
  if (limite === null || limite < 1 || limite > MAX_LIMITE) {
    return rejection([`El límite debe estar entre 1 y ${MAX_LIMITE}.`]);
  }
  const filter = filterOf(
    textOf(body.busqueda_tipo).toUpperCase(),
    query as Body,
    account.puntoVenta,
  );
  if (!filter.ok) return rejection(filter.errores);
  // The emulator's accounts only sell ("V"); purchases ("C") find nothing.
  const operacion = textOf((query as Body).operacion).toUpperCase() || "V";
  const matches = operacion === "V" ? account.comprobantes.filter(filter.match) : [];
  if (matches.length === 0) return notFound({ total: 0, comprobantes: [] });
  const page = matches.slice(pagina * limite, (pagina + 1) * limite);
  return jsonResponse(200, {
    error: "N",
    errores: [],
    rta: "OK",
    total: matches.length,
    comprobantes: page.map(toWireComprobante),
  });
}

/** `facturacion/consulta`: one comprobante; the most recent if the fixtures repeat a number. */
export function handleConsulta(account: SeededAccount, body: Body): EmulatorResponse {
  const query = body.comprobante;
  if (typeof query !== "object" || query === null) {
    return rejection(["Debés indicar los datos del comprobante a buscar."]);
  }
  const { tipo, punto_venta: pv, numero } = query as Body;
  const wanted = { tipo: tipoOf(tipo), pv: integerOf(pv), numero: integerOf(numero) };
  if (!wanted.tipo || wanted.pv === null || wanted.numero === null) {
    return rejection(["Debés indicar tipo, punto de venta y número del comprobante."]);
  }
  const found =
    wanted.pv === account.puntoVenta
      ? account.comprobantes.find((c) => c.tipo === wanted.tipo && c.numero === wanted.numero)
      : undefined;
  if (!found) return notFound();
  return jsonResponse(200, { error: "N", errores: [""], rta: "OK", ...toWireComprobante(found) });
}
