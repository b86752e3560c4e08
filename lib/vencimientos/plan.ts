/**
 * The fewest free lookups that find every comprobante not looked up yet. Pure.
 *
 * A "TN" range of one type and punto de venta returns every comprobante numbered in it, paid
 * ones included, up to `MAX_LIMITE` per page: a span of at most that many numbers always fits
 * one call. So per type and punto de venta the numbers are covered greedily from the lowest
 * by spans of `span` numbers (optimal for fixed-width intervals); a span holding only one
 * comprobante is asked for on its own (`consulta`), the same single call.
 */
import { keyOf, type ComprobanteKey } from "./refs";

export type LookupCall =
  | { kind: "single"; ref: ComprobanteKey }
  | {
      kind: "range";
      tipo: string;
      puntoVenta: number;
      numeroDesde: number;
      numeroHasta: number;
      /** The comprobantes this range is for (others it returns are ignored). */
      refs: ComprobanteKey[];
    };

/** The most numbers one range call covers: TusFacturas' largest page. */
export const RANGE_SPAN = 1000;

/**
 * The calls that look up `wanted` minus what is already `stored` (by `keyOf`), each
 * comprobante once however often it appears.
 */
export function planLookups(
  wanted: readonly ComprobanteKey[],
  stored: ReadonlySet<string>,
  span = RANGE_SPAN,
): LookupCall[] {
  const groups = new Map<string, ComprobanteKey[]>();
  const seen = new Set<string>();
  for (const ref of wanted) {
    const key = keyOf(ref);
    if (stored.has(key) || seen.has(key)) continue;
    seen.add(key);
    const group = `${ref.tipo}|${ref.puntoVenta}`;
    const list = groups.get(group);
    if (list) list.push(ref);
    else groups.set(group, [ref]);
  }
  const calls: LookupCall[] = [];
  for (const refs of groups.values()) {
    refs.sort((a, b) => a.numero - b.numero);
    let i = 0;
    while (i < refs.length) {
      const first = refs[i]!;
      const members: ComprobanteKey[] = [];
      while (i < refs.length && refs[i]!.numero < first.numero + span) members.push(refs[i++]!);
      const last = members[members.length - 1]!;
      calls.push(
        members.length === 1
          ? { kind: "single", ref: first }
          : {
              kind: "range",
              tipo: first.tipo,
              puntoVenta: first.puntoVenta,
              numeroDesde: first.numero,
              numeroHasta: last.numero,
              refs: members,
            },
      );
    }
  }
  return calls;
}
