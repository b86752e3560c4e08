"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { businessIdSchema } from "@/lib/businesses/schemas";
import { getConsumoService } from "./index";

/** "Actualizar": one billed request to TusFacturas, whatever the snapshot's age. */
export const refreshConsumo = businessAction({
  name: "refreshConsumo",
  permission: "consumo:refresh",
  schema: businessIdSchema,
  async handler({ businessId }, { user }) {
    return (await getConsumoService()).refresh(businessId, user.id);
  },
});
