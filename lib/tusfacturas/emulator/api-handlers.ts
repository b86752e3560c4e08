/**
 * The three TusFacturas methods, validated like the documentation describes.
 * Messages copy the documented texts where there are any.
 */
import { isValidCuit } from "../../cuit";
import { jsonResponse, rejection, type EmulatorResponse } from "./responses";
import type { SeededAccount } from "./seed";
import type { EmulatorState } from "./state";

type Body = Record<string, unknown>;

/** `micuenta/consumo`; one seeded account pads its numbers as strings, like the real API does. */
export function handleConsumo(state: EmulatorState, account: SeededAccount): EmulatorResponse {
  const figures = state.consumo.get(account.apikey) ?? account.consumo;
  const serve = (n: number): number | string => (account.consumoAsPaddedStrings ? `${n} ` : n);
  return jsonResponse(200, {
    error: "N",
    errores: [],
    abonos_pendientes: serve(figures.abonos_pendientes),
    comprobantes_generados: serve(figures.comprobantes_generados),
    comprobantes_cupo: serve(figures.comprobantes_cupo),
    comprobantes_disponibles: serve(figures.comprobantes_disponibles),
  });
}

/** `clientes/cuenta-corriente`: CUIT only, known client, at least one movement. */
export function handleCuentaCorriente(account: SeededAccount, body: Body): EmulatorResponse {
  const cliente = body.cliente;
  if (typeof cliente !== "object" || cliente === null) {
    return rejection(["Debés indicar el cliente (documento_tipo y documento_nro)."]);
  }
  const { documento_tipo: tipo, documento_nro: nro } = cliente as Body;
  if (typeof tipo !== "string" || tipo.trim().toUpperCase() !== "CUIT") {
    return rejection(["El tipo de documento enviado no es valido"]);
  }
  const cuit = typeof nro === "string" || typeof nro === "number" ? String(nro).trim() : "";
  if (!isValidCuit(cuit)) return rejection([`El cuit ingresado ${cuit} no es válido`]);
  const client = account.clientes.get(cuit);
  if (!client) return rejection(["El cliente no existe en tu cartera"]);
  if (client.rows.length === 0) {
    return jsonResponse(200, {
      error: "S",
      errores: ["No se han encontrado comprobantes."],
      rta: "ERROR",
      resultados: [],
    });
  }
  return jsonResponse(200, { error: "N", errores: [""], rta: "OK", resultados: client.rows });
}

function currentPeriod(now: Date): { anio: number; mes: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Argentina/Buenos_Aires",
    year: "numeric",
    month: "numeric",
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { anio: get("year"), mes: get("month") };
}

function asInteger(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) ? n : null;
}

/** `micuenta/iva_compras_ventas`: the report goes to the outbox instead of an inbox. */
export function handleIva(
  state: EmulatorState,
  account: SeededAccount,
  body: Body,
  now: Date,
): EmulatorResponse {
  const mes = asInteger(body.mes);
  const anio = asInteger(body.anio);
  const email = typeof body.email === "string" ? body.email.trim() : "";
  const errores: string[] = [];
  if (mes === null || mes < 1 || mes > 12) errores.push("El mes indicado no es válido.");
  if (anio === null || anio < 2000 || anio > 9999) errores.push("El año indicado no es válido.");
  if (/[,;]/.test(email) || (email.match(/@/g) ?? []).length > 1) {
    errores.push("Se permite 1 casilla de e-mail solamente por solicitud.");
  } else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errores.push("La dirección de e-mail indicada no es válida.");
  }
  if (errores.length > 0 || mes === null || anio === null) return rejection(errores);
  const today = currentPeriod(now);
  if (anio > today.anio || (anio === today.anio && mes > today.mes)) {
    return rejection(["No es posible solicitar el reporte de un período futuro."]);
  }
  state.outbox.push({ apikey: account.apikey, anio, mes, email, at: now.toISOString() });
  return jsonResponse(200, { error: "N", errores: [] });
}
