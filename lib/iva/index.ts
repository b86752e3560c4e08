import "server-only";
import { getRuntime } from "@/lib/runtime";
import type { IvaService } from "./service";

/** The process's IVA service (one, so a repeated submission finds the call in flight). */
export async function getIvaService(): Promise<IvaService> {
  return (await getRuntime()).iva;
}
