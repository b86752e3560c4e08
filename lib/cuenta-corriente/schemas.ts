import { z } from "zod";
import { cuitSchema } from "@/lib/cuit-schema";

/** A client's ledger in a business: the input of the ledger's action and routes. */
export const ledgerInput = z.object({ businessId: z.uuid(), cuit: cuitSchema });

/** One stored copy of a client's ledger: what the movements route reads. */
export const movimientosInput = ledgerInput.extend({ snapshot: z.uuid() });
