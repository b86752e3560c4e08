/** Every react-query key in Tablero comes from here, so invalidations cannot drift. */
export const queryKeys = {
  business: (businessId: string) => ["business", businessId] as const,
  consumo: (businessId: string) => [...queryKeys.business(businessId), "consumo"] as const,
  cuentaCorriente: (businessId: string, cuit: string) =>
    [...queryKeys.business(businessId), "cuenta-corriente", cuit] as const,
  ivaBatch: (batchId: string) => ["iva-batch", batchId] as const,
  navigation: (query: string) => ["navigation", query] as const,
};
