import { checkHealth } from "@/lib/runtime/health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and orchestrators, without a session: 200 when this instance can serve
 * (database, migrations, job queue), 503 otherwise, including while it stops.
 */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
