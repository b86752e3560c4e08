"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { getCuentaCorrienteService } from "./index";
import { ledgerInput } from "./schemas";

/** A client's ledger; refreshes from TusFacturas only when the stored copy is stale. */
export const getCuentaCorriente = businessAction({
  name: "getCuentaCorriente",
  permission: "business:read",
  schema: ledgerInput,
  async handler({ businessId, cuit }, { user }) {
    return (await getCuentaCorrienteService()).load(businessId, cuit, user.id);
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
