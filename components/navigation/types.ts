/** A business the signed-in user belongs to, as the header needs it. */
export type BusinessOption = { id: string; razonSocial: string; cuit: string };
