import type { Role } from "@/lib/auth/roles";

/**
 * What each role may do in a business: the one table the server enforces for every action and
 * read, and that the UI mirrors only to disable controls with a reason.
 * - Dueño: everything.
 * - Contador: the day-to-day work (refreshes, the client directory, IVA reports); never the
 *   credentials, the members, the security settings or deleting the business.
 * - Lectura: what is already stored; nothing that costs a TusFacturas request or changes data.
 */
export const permissions = {
  "business:read": ["owner", "accountant", "viewer"],
  "business:delete": ["owner"],
  "consumo:refresh": ["owner", "accountant"],
  "clients:manage": ["owner", "accountant"],
  "cuentaCorriente:refresh": ["owner", "accountant"],
  "credentials:manage": ["owner"],
  "iva:request": ["owner", "accountant"],
  "members:manage": ["owner"],
  /** Whether every member must sign in with two-factor. */
  "security:manage": ["owner"],
  "audit:read": ["owner"],
  /** How many TusFacturas requests Tablero may spend on the business in a month. */
  "budget:manage": ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export const roleLabels: Record<Role, string> = {
  owner: "Dueño",
  accountant: "Contador",
  viewer: "Lectura",
};

/** Why a control is disabled for a role, in the words the UI shows next to it. */
export function deniedReason(role: Role): string {
  return `Tu rol en esta empresa (${roleLabels[role]}) no permite esta acción.`;
}
