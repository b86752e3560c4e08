import { businessRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/permissions";
import { businessIdSchema } from "@/lib/businesses/schemas";
import { getConsumoService } from "@/lib/consumo";
import type { ConsumoView } from "@/lib/consumo/view";

/**
 * The consumo view, read again by the consumo page after "Actualizar" (lib/api/paths.ts
 * `consumoPath`). Exactly what a visit of the page does: the stored copy, refreshed from
 * TusFacturas first only when it is stale (the freshness window, one shared refresh, the
 * spending guard: lib/consumo/service.ts), and never for a role that may not spend the plan's
 * requests (Lectura sees the stored copy).
 */
export const GET = businessRoute({
  permission: "business:read",
  schema: businessIdSchema,
  async handler({ businessId }, { user, role }): Promise<ConsumoView> {
    const service = await getConsumoService();
    if (!can(role, "consumo:refresh")) return (await service.peek(businessId)).view;
    return service.load(businessId, user.id);
  },
});
