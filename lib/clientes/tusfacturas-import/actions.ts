"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { getRuntime } from "@/lib/runtime";
import { dmyToIso } from "./range";
import {
  clientImportRefSchema,
  importFoundClientsSchema,
  startClientImportSchema,
} from "./schemas";

/** «Importar clientes desde TusFacturas»: starts a walk, or answers the one running. */
export const startClientImport = businessAction({
  name: "startClientImport",
  permission: "clients:manage",
  schema: startClientImportSchema,
  async handler({ businessId, desde, hasta }, { user }) {
    const { clientImport } = await getRuntime();
    // Checked by the schema: both are days.
    return clientImport.start({
      businessId,
      userId: user.id,
      desde: dmyToIso(desde)!,
      hasta: dmyToIso(hasta)!,
    });
  },
});

/** «Cancelar»: the walk stops at the next day; what it found stays. */
export const cancelClientImport = businessAction({
  name: "cancelClientImport",
  permission: "clients:manage",
  schema: clientImportRefSchema,
  async handler({ businessId, importId }) {
    await (await getRuntime()).clientImport.cancel(businessId, importId);
    return { importId };
  },
});

/** «Reanudar» an import that stopped on an error, from its last day done. */
export const resumeClientImport = businessAction({
  name: "resumeClientImport",
  permission: "clients:manage",
  schema: clientImportRefSchema,
  async handler({ businessId, importId }) {
    await (await getRuntime()).clientImport.resume(businessId, importId);
    return { importId };
  },
});

/** «Importar seleccionados»: the chosen clients of an import join the cartera. */
export const importFoundClients = businessAction({
  name: "importFoundClients",
  permission: "clients:manage",
  schema: importFoundClientsSchema,
  async handler({ businessId, importId, cuits }, { user }) {
    const { clientImport, audit } = await getRuntime();
    const { added, already } = await clientImport.importClients(businessId, importId, cuits);
    await audit.recordAudit({
      businessId,
      userId: user.id,
      action: "client.importTusfacturas",
      subject: added.length === 1 ? "1 cliente" : `${added.length} clientes`,
    });
    return { added: added.length, already };
  },
});
