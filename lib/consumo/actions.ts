"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { can } from "@/lib/auth/permissions";
import { businessIdSchema } from "@/lib/businesses/schemas";
import { getConsumoService } from "./index";

/**
 * The consumo view; refreshes from TusFacturas only when the stored snapshot is stale, and
 * never for a role that may not spend the plan's requests (Lectura sees the stored copy).
 */
export const getConsumo = businessAction({
  name: "getConsumo",
  permission: "business:read",
  schema: businessIdSchema,
  async handler({ businessId }, { user, role }) {
    const service = await getConsumoService();
    if (!can(role, "consumo:refresh")) return (await service.peek(businessId)).view;
    return service.load(businessId, user.id);
  },
});

/** "Actualizar": one billed request to TusFacturas, whatever the snapshot's age. */
export const refreshConsumo = businessAction({
  name: "refreshConsumo",
  permission: "consumo:refresh",
  schema: businessIdSchema,
  async handler({ businessId }, { user }) {
    return (await getConsumoService()).refresh(businessId, user.id);
  },
});
