import "server-only";
import type { TusFacturasClient } from "@/lib/tusfacturas";

/**
 * The client, counting its calls in flight: a stopping instance lets them finish (within its
 * deadline) before it closes the database they will write their outcome to.
 */
export function trackCalls(client: TusFacturasClient) {
  const running = new Set<Promise<unknown>>();
  const track = <T>(call: Promise<T>): Promise<T> => {
    running.add(call);
    const forget = () => running.delete(call);
    call.then(forget, forget);
    return call;
  };
  const tracked: TusFacturasClient = {
    consumo: (...args) => track(client.consumo(...args)),
    cuentaCorriente: (...args) => track(client.cuentaCorriente(...args)),
    ivaComprasVentas: (...args) => track(client.ivaComprasVentas(...args)),
    consultaAvanzadaPorFecha: (...args) => track(client.consultaAvanzadaPorFecha(...args)),
    consultaAvanzadaPorNumeros: (...args) => track(client.consultaAvanzadaPorNumeros(...args)),
    consultaComprobante: (...args) => track(client.consultaComprobante(...args)),
  };
  return {
    client: tracked,
    /** Settles once every call in flight now has ended (however it ended). */
    drained: () => Promise.allSettled([...running]).then(() => undefined),
  };
}
