import type { Role } from "@/lib/db/schema";

/**
 * What each role may do in a business. The server enforces this for every action and read;
 * the UI only mirrors it to disable controls.
 */
export const permissions = {
  "business:read": ["owner"],
  "business:delete": ["owner"],
  "consumo:refresh": ["owner"],
  "clients:manage": ["owner"],
  "cuentaCorriente:refresh": ["owner"],
  "credentials:manage": ["owner"],
  "iva:request": ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export const roleLabels: Record<Role, string> = { owner: "Dueño" };
