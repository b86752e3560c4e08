import { ActionFailure } from "@/lib/actions/errors";
import { businessRoute } from "@/lib/api/route";
import { getCuentaCorrienteService } from "@/lib/cuenta-corriente";
import type { PackedMovimientos } from "@/lib/cuenta-corriente/packed";
import { movimientosInput } from "@/lib/cuenta-corriente/schemas";

/**
 * The movements of one stored copy of a client's ledger, fetched by the ledger page once it is
 * on screen (lib/api/paths.ts `movimientosPath`). Reads the database only.
 */
export const GET = businessRoute({
  permission: "business:read",
  schema: movimientosInput,
  async handler({ businessId, cuit, snapshot }): Promise<PackedMovimientos> {
    const service = await getCuentaCorrienteService();
    const movimientos = await service.movimientos(businessId, cuit, snapshot);
    if (!movimientos)
      throw new ActionFailure("not_found", "Esa copia de la cuenta corriente ya no está guardada.");
    return movimientos;
  },
});
