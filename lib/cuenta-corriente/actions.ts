"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { can } from "@/lib/auth/permissions";
import { getCuentaCorrienteService } from "./index";
import { ledgerInput } from "./schemas";

/**
 * A client's ledger; refreshes from TusFacturas only when the stored copy is stale, and never
 * for a role that may not spend the plan's requests (Lectura sees the stored copy).
 */
export const getCuentaCorriente = businessAction({
  name: "getCuentaCorriente",
  permission: "business:read",
  schema: ledgerInput,
  async handler({ businessId, cuit }, { user, role }) {
    const service = await getCuentaCorrienteService();
    if (!can(role, "cuentaCorriente:refresh")) return (await service.peek(businessId, cuit)).view;
    return service.load(businessId, cuit, user.id);
  },
});

/** "Actualizar": one billed request to TusFacturas, whatever the snapshot's age. */
export const refreshCuentaCorriente = businessAction({
  name: "refreshCuentaCorriente",
  permission: "cuentaCorriente:refresh",
  schema: ledgerInput,
  async handler({ businessId, cuit }, { user }) {
    return (await getCuentaCorrienteService()).refresh(businessId, cuit, user.id);
  },
});
