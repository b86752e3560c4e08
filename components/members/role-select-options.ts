import { roleLabels } from "@/lib/auth/permissions";
import { roles } from "@/lib/auth/roles";

export const roleDescriptions = {
  owner: "Todo, incluidas las credenciales, los miembros y eliminar la empresa.",
  accountant: "Consumo, clientes, cuentas corrientes, actualizaciones y reportes de IVA.",
  viewer: "Ve lo que ya está guardado; no actualiza ni cambia nada.",
} as const;

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
