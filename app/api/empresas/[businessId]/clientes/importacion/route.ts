import { businessRoute } from "@/lib/api/route";
import { businessIdSchema } from "@/lib/businesses/schemas";
import type { ClientImportView } from "@/lib/clientes/tusfacturas-import/service";
import { getRuntime } from "@/lib/runtime";

/**
 * The business's latest client import, its progress and whom it found (null if none), polled
 * by the Clientes page while it runs (lib/api/paths.ts `clientImportPath`). Tablero's database
 * only, never TusFacturas.
 */
export const GET = businessRoute({
  permission: "business:read",
  schema: businessIdSchema,
  async handler({ businessId }): Promise<ClientImportView | null> {
    return (await getRuntime()).clientImport.view(businessId);
  },
});
