import "server-only";
import { getRuntime } from "@/lib/runtime";
import type { CuentaCorrienteService } from "./service";

/** The process's cuenta corriente service (one, so concurrent refreshes share a call). */
export async function getCuentaCorrienteService(): Promise<CuentaCorrienteService> {
  return (await getRuntime()).cuentaCorriente;
}
