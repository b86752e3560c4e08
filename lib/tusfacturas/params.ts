/**
 * Arguments of the methods checked and turned into wire values. Malformed ones are programming
 * errors: `RangeError` before any request. Pure.
 */
import { parseWireDate, toWireDate } from "./fecha";
import type {
  ComprobanteRef,
  ConsultaPorFechaRequest,
  ConsultaPorNumerosRequest,
  IvaComprasVentasRequest,
} from "./types";
import type {
  ConsultaAvanzadaRequestWire,
  ConsultaRequestWire,
  IvaComprasVentasRequestWire,
} from "./wire";

/** 11 plain digits from a CUIT typed with dashes or spaces. */
export function normalizeCuit(cuit: string): string {
  const digits = cuit.replace(/[\s-]/g, "");
  if (!/^\d{11}$/.test(digits)) throw new RangeError("El CUIT debe tener 11 dígitos.");
  return digits;
}

/** One period and exactly one e-mail address. */
export function checkIvaRequest(request: IvaComprasVentasRequest): IvaComprasVentasRequestWire {
  const { anio, mes } = request;
  const email = request.email.trim();
  if (!Number.isInteger(anio) || anio < 1900 || anio > 9999) {
    throw new RangeError("El año no es válido.");
  }
  if (!Number.isInteger(mes) || mes < 1 || mes > 12) throw new RangeError("El mes no es válido.");
  // TusFacturas accepts exactly one address per request.
  if (!/^[^\s@,;]+@[^\s@,;]+$/.test(email)) {
    throw new RangeError("Indicá una sola dirección de e-mail.");
  }
  return { anio, mes, email };
}

/** TusFacturas' documented page size limit. */
export const MAX_LIMITE = 1000;

function integerIn(value: number, min: number, max: number, message: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(message);
  return value;
}

function checkPage(request: { pagina: number; limite: number }) {
  return {
    pagina: integerIn(request.pagina, 0, 1_000_000, "La página no es válida."),
    limite: integerIn(request.limite, 1, MAX_LIMITE, `El límite va de 1 a ${MAX_LIMITE}.`),
  };
}

function checkOperacion(operacion: string | undefined): "V" | "C" {
  if (operacion === undefined || operacion === "V" || operacion === "C") return operacion ?? "V";
  throw new RangeError("La operación es V (ventas) o C (compras).");
}

/** "factura  a" → "FACTURA A"; letters and spaces only ("NOTA DE CREDITO B"). */
function checkTipo(tipo: string): string {
  const normalized = tipo.trim().replace(/\s+/g, " ").toUpperCase();
  if (!/^[A-Z][A-Z ]{0,60}[A-Z]$/.test(normalized)) {
    throw new RangeError("El tipo de comprobante no es válido.");
  }
  return normalized;
}

const checkPuntoVenta = (n: number) => integerIn(n, 1, 99_999, "El punto de venta no es válido.");
const checkNumero = (n: number) => integerIn(n, 1, 99_999_999, "El número no es válido.");

/** Body of a `"F"` search: exactly one day, ISO in, dd/mm/yyyy out. */
export function consultaPorFechaParams(
  request: ConsultaPorFechaRequest,
): ConsultaAvanzadaRequestWire {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(request.fecha) ? request.fecha : "";
  const fecha = toWireDate(iso);
  if (!iso || parseWireDate(fecha) !== iso) throw new RangeError("La fecha no es válida.");
  return {
    busqueda_tipo: "F",
    comprobante: { fecha, operacion: checkOperacion(request.operacion) },
    ...checkPage(request),
  };
}

/** Body of a `"TN"` search: one type and punto de venta, a range of numbers. */
export function consultaPorNumerosParams(
  request: ConsultaPorNumerosRequest,
): ConsultaAvanzadaRequestWire {
  const numeroDesde = checkNumero(request.numeroDesde);
  const numeroHasta = checkNumero(request.numeroHasta);
  if (numeroDesde > numeroHasta) throw new RangeError("El rango de números está invertido.");
  return {
    busqueda_tipo: "TN",
    comprobante: {
      tipo: checkTipo(request.tipo),
      operacion: checkOperacion(request.operacion),
      punto_venta: checkPuntoVenta(request.puntoVenta),
      numero_desde: numeroDesde,
      numero_hasta: numeroHasta,
    },
    ...checkPage(request),
  };
}

/** Body of `facturacion/consulta` (sales only). */
export function consultaParams(ref: ComprobanteRef): ConsultaRequestWire {
  return {
    comprobante: {
      tipo: checkTipo(ref.tipo),
      operacion: "V",
      punto_venta: checkPuntoVenta(ref.puntoVenta),
      numero: checkNumero(ref.numero),
    },
  };
}
