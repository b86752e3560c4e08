import "server-only";
import { getRuntime } from "@/lib/runtime";
import type { ConsumoService } from "./service";

/** The process's consumo service (one, so concurrent refreshes of a business share a call). */
export async function getConsumoService(): Promise<ConsumoService> {
  return (await getRuntime()).consumo;
}
