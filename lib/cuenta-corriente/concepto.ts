/**
 * Splits TusFacturas' `concepto` ("FACTURA A 0002-00000001 (CUIT DE PRUEBA)") into the
 * comprobante's type, letter, punto de venta, number and name. Pure.
 */

export type ComprobanteTipo =
  | "factura"
  | "nota_credito"
  | "nota_debito"
  | "recibo"
  | "factura_credito"
  | "nota_credito_fce"
  | "nota_debito_fce"
  | "tique"
  | "otro";

export type Comprobante = {
  tipo: ComprobanteTipo;
  /** "Factura", "Nota de crédito", "Factura de crédito MiPyME", … */
  tipoLabel: string;
  /** "A", "B", "C", "E", "M", "X", … or null when the text has none. */
  letra: string | null;
  /** Zero-padded to 4 digits, or 5 when TusFacturas sent 5. */
  puntoVenta: string;
  /** Zero-padded to 8 digits. */
  numero: string;
  /** The name in parentheses at the end, if any. */
  nombre: string | null;
  /** "Factura A 0002-00000001". */
  label: string;
};

type Kind = { tipo: ComprobanteTipo; pattern: string; tipoLabel: string };

// Accents optional and any case: the text comes from several TusFacturas versions.
const CREDITO = String.raw`CR[EÉ]DITO`;
const DEBITO = String.raw`D[EÉ]BITO`;
const FCE = String.raw`\s+ELECTR[OÓ]NICA(?:\s+MIPYMES?)?(?:\s*\(FCE\))?`;

/** Longer names first so "NOTA DE CREDITO ELECTRONICA MIPYME" is not read as "NOTA DE CREDITO". */
const KINDS: readonly Kind[] = [
  {
    tipo: "factura_credito",
    pattern: String.raw`FACTURA\s+DE\s+${CREDITO}${FCE}`,
    tipoLabel: "Factura de crédito MiPyME",
  },
  {
    tipo: "nota_credito_fce",
    pattern: String.raw`NOTA\s+DE\s+${CREDITO}${FCE}`,
    tipoLabel: "Nota de crédito MiPyME",
  },
  {
    tipo: "nota_debito_fce",
    pattern: String.raw`NOTA\s+DE\s+${DEBITO}${FCE}`,
    tipoLabel: "Nota de débito MiPyME",
  },
  {
    tipo: "nota_credito",
    pattern: String.raw`NOTA\s+DE\s+${CREDITO}`,
    tipoLabel: "Nota de crédito",
  },
  { tipo: "nota_debito", pattern: String.raw`NOTA\s+DE\s+${DEBITO}`, tipoLabel: "Nota de débito" },
  { tipo: "tique", pattern: String.raw`TIQUE\s+FACTURA`, tipoLabel: "Tique factura" },
  { tipo: "tique", pattern: "TIQUE", tipoLabel: "Tique" },
  { tipo: "factura", pattern: "FACTURA", tipoLabel: "Factura" },
  { tipo: "recibo", pattern: "RECIBO", tipoLabel: "Recibo" },
];

/** Type words (and letter), punto de venta, number and the optional name in parentheses. */
const SHAPE = /^(.+?)\s+(\d{1,5})\s*-\s*(\d{1,8})(?:\s*\((.*)\))?$/s;

/** One alternation with a capture group per kind; the group that matched names the kind. */
const KNOWN = new RegExp(
  `^(?:${KINDS.map((kind) => `(${kind.pattern})`).join("|")})(?:\\s+([A-Z]))?$`,
  "iu",
);

/** Any other comprobante type of up to six words ("REMITO R"); see `strict` below. */
const OTHER = /^([A-ZÁÉÍÓÚÜÑ]+(?:\s[A-ZÁÉÍÓÚÜÑ]+){0,5}?)(?:\s([A-Z]))?$/iu;

type Head = {
  tipo: ComprobanteTipo;
  tipoLabel: string;
  letra: string | null;
  /** Unknown types need a fully padded number, so "SALDO 2020-1" stays plain text. */
  strict: boolean;
};

// The same few type words repeat on every row: classify each distinct one once.
const heads = new Map<string, Head | null>();
const HEADS_MAX = 500;

function sentenceCase(words: string): string {
  const lower = words.toLocaleLowerCase("es-AR");
  return lower.charAt(0).toLocaleUpperCase("es-AR") + lower.slice(1);
}

function classifyHead(head: string): Head | null {
  const known = KNOWN.exec(head);
  if (known) {
    const kind = KINDS.find((_, i) => known[i + 1] !== undefined);
    const letra = known[KINDS.length + 1];
    if (kind) {
      const { tipo, tipoLabel } = kind;
      return { tipo, tipoLabel, letra: letra ? letra.toUpperCase() : null, strict: false };
    }
  }
  const other = OTHER.exec(head);
  if (!other) return null;
  const [, words = "", letra] = other;
  return {
    tipo: "otro",
    tipoLabel: sentenceCase(words),
    letra: letra ? letra.toUpperCase() : null,
    strict: true,
  };
}

function headOf(text: string): Head | null {
  let head = heads.get(text);
  if (head === undefined) {
    head = classifyHead(text);
    if (heads.size >= HEADS_MAX) heads.clear();
    heads.set(text, head);
  }
  return head;
}

/**
 * The comprobante packed in a `concepto`, or `null` when the text does not have that shape
 * (the UI then shows the original text). Case-insensitive, accents optional, extra spaces
 * ignored; the trailing name in parentheses is optional.
 */
export function parseConcepto(concepto: string): Comprobante | null {
  let text = concepto.trim();
  // Normalizing is the costly step and plain ASCII (almost every row) never needs it.
  if (/[^\x20-\x7e]/.test(text)) text = text.normalize("NFC");
  if (/\s\s|[^\S ]/.test(text)) text = text.replace(/\s+/g, " ");
  const shape = SHAPE.exec(text);
  if (!shape) return null;
  const [, words = "", puntoVenta = "", numero = "", nombre = ""] = shape;
  const head = headOf(words);
  if (!head) return null;
  if (head.strict && (puntoVenta.length < 4 || numero.length !== 8)) return null;
  const pv = puntoVenta.length === 5 ? puntoVenta : puntoVenta.padStart(4, "0");
  const nro = numero.padStart(8, "0");
  const name = nombre.trim();
  return {
    tipo: head.tipo,
    tipoLabel: head.tipoLabel,
    letra: head.letra,
    puntoVenta: pv,
    numero: nro,
    nombre: name.length > 0 ? name : null,
    label: `${head.tipoLabel}${head.letra ? ` ${head.letra}` : ""} ${pv}-${nro}`,
  };
}
