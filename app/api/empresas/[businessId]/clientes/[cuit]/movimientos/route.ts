import { notFound } from "next/navigation";
import { ActionFailure } from "@/lib/actions/errors";
import { requireBusiness } from "@/lib/auth/access";
import { getCuentaCorrienteService } from "@/lib/cuenta-corriente";
import { movimientosInput } from "@/lib/cuenta-corriente/schemas";

type Context = { params: Promise<{ businessId: string; cuit: string }> };

/**
 * The movements of one stored copy of a client's ledger, fetched by the ledger page once it is
 * on screen. Authorized like the page (a non-member gets 404); reads the database only.
 */
export async function GET(request: Request, { params }: Context) {
  const { businessId, cuit } = await params;
  await requireBusiness(businessId, "business:read");
  const input = movimientosInput.safeParse({
    businessId,
    cuit,
    snapshot: new URL(request.url).searchParams.get("snapshot"),
  });
  if (!input.success) notFound();
  const service = await getCuentaCorrienteService();
  const movimientos = await service
    .movimientos(input.data.businessId, input.data.cuit, input.data.snapshot)
    .catch((error: unknown) => {
      if (error instanceof ActionFailure && error.code === "not_found") notFound();
      throw error;
    });
  if (!movimientos) notFound();
  // Private data: no shared cache may keep it, and no browser cache outlives the session.
  return Response.json(movimientos, { headers: { "Cache-Control": "private, no-store" } });
}
