import { ActionFailure } from "@/lib/actions/errors";
import { userRoute } from "@/lib/api/route";
import { getIvaService } from "@/lib/iva";
import { ivaBatchIdSchema } from "@/lib/iva/schemas";
import type { IvaBatchView } from "@/lib/iva/service";

/**
 * A run of the signed-in user's, with each business's outcome so far, polled by the IVA page
 * while it runs (lib/api/paths.ts `ivaBatchPath`). Tablero's database only, never TusFacturas.
 * Another user's run, even a fellow member's, is not found.
 */
export const GET = userRoute({
  schema: ivaBatchIdSchema,
  async handler({ batchId }, { user }): Promise<IvaBatchView> {
    const batch = await (await getIvaService()).batch(user.id, batchId);
    if (!batch) throw new ActionFailure("not_found", "No encontramos esa solicitud.");
    return batch;
  },
});
