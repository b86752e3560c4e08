"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { getCuentaCorrienteService } from "./index";
import { ledgerInput } from "./schemas";

/** "Actualizar": one billed request to TusFacturas, whatever the snapshot's age. */
export const refreshCuentaCorriente = businessAction({
  name: "refreshCuentaCorriente",
  permission: "cuentaCorriente:refresh",
  schema: ledgerInput,
  async handler({ businessId, cuit }, { user }) {
    return (await getCuentaCorrienteService()).refresh(businessId, cuit, user.id);
  },
});
