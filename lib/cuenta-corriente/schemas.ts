import { z } from "zod";
import { cuitSchema } from "@/lib/cuit";

/** A client's ledger in a business: the input of the ledger's actions. */
export const ledgerInput = z.object({ businessId: z.uuid(), cuit: cuitSchema });

/** One stored copy of a client's ledger: what the movements route reads. */
export const movimientosInput = ledgerInput.extend({ snapshot: z.uuid() });

/** Where the browser fetches a stored copy's movements (see the route under app/api). */
export function movimientosPath({ businessId, cuit, snapshot }: z.input<typeof movimientosInput>) {
  return `/api/empresas/${businessId}/clientes/${cuit}/movimientos?snapshot=${snapshot}`;
}
