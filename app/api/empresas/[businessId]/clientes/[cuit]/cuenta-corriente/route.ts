import { businessRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/permissions";
import { getCuentaCorrienteService } from "@/lib/cuenta-corriente";
import { cuentaCorrienteInput } from "@/lib/cuenta-corriente/schemas";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";

/**
 * A client's ledger view, read again by the ledger page after "Actualizar" (lib/api/paths.ts
 * `cuentaCorrientePath`). Exactly what a visit of the page does: the stored copy, refreshed
 * from TusFacturas first only when it is stale (lib/cuenta-corriente/service.ts), and never for
 * a role that may not spend the plan's requests (Lectura sees the stored copy). With
 * `guardado=1` (the page's own reads, lib/api/paths.ts) the stored copy for every role.
 */
export const GET = businessRoute({
  permission: "business:read",
  schema: cuentaCorrienteInput,
  async handler({ businessId, cuit, guardado }, { user, role }): Promise<CuentaCorrienteView> {
    const service = await getCuentaCorrienteService();
    if (guardado || !can(role, "cuentaCorriente:refresh"))
      return (await service.peek(businessId, cuit)).view;
    return service.load(businessId, cuit, user.id);
  },
});
