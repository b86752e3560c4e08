import { z } from "zod";
import { cuitSchema } from "@/lib/cuit-schema";

/** A client's ledger in a business: the input of the ledger's action and routes. */
export const ledgerInput = z.object({ businessId: z.uuid(), cuit: cuitSchema });

/**
 * The ledger's view route: with `guardado=1` only the stored copy, never refreshed (what the
 * page reads again on its own while due dates are looked up).
 */
export const cuentaCorrienteInput = ledgerInput.extend({ guardado: z.literal("1").optional() });

/** One stored copy of a client's ledger: what the movements route reads. */
export const movimientosInput = ledgerInput.extend({ snapshot: z.uuid() });
