/** Every react-query key in Tablero comes from here, so invalidations cannot drift. */
export const queryKeys = {
  business: (businessId: string) => ["business", businessId] as const,
  consumo: (businessId: string) => [...queryKeys.business(businessId), "consumo"] as const,
  cuentaCorriente: (businessId: string, cuit: string) =>
    [...queryKeys.business(businessId), "cuenta-corriente", cuit] as const,
  /** One stored copy's movements: never changes, and apart from the view so that refreshing
   * the view does not fetch megabytes again. */
  cuentaCorrienteMovimientos: (businessId: string, cuit: string, snapshotId: string) =>
    [...queryKeys.business(businessId), "cuenta-corriente-movimientos", cuit, snapshotId] as const,
  /** The business's latest «Importar clientes desde TusFacturas». */
  clientImport: (businessId: string) =>
    [...queryKeys.business(businessId), "client-import"] as const,
  ivaBatch: (batchId: string) => ["iva-batch", batchId] as const,
  navigation: (query: string) => ["navigation", query] as const,
};
