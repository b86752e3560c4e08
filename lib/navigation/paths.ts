import type { Permission } from "@/lib/auth/permissions";

/**
 * The sections of a business, in the order of its tabs; each is `/empresas/<id>/<segment>`,
 * offered to the roles with its permission (the page itself enforces it).
 */
export const businessSections: readonly {
  segment: string;
  label: string;
  permission: Permission;
}[] = [
  { segment: "consumo", label: "Consumo", permission: "business:read" },
  { segment: "clientes", label: "Clientes", permission: "business:read" },
  { segment: "iva", label: "IVA compras-ventas", permission: "business:read" },
  { segment: "credenciales", label: "Credenciales", permission: "credentials:manage" },
  { segment: "miembros", label: "Miembros", permission: "members:manage" },
  { segment: "actividad", label: "Actividad", permission: "audit:read" },
];

const businessPath =
  /^\/empresas\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/([^/]+))?/i;

/** The business a path is under (`/empresas/<id>/…`), or null. */
export function businessIdIn(pathname: string): string | null {
  return businessPath.exec(pathname)?.[1] ?? null;
}

export function businessHref(businessId: string): string {
  return `/empresas/${businessId}/consumo`;
}

export function clientHref(businessId: string, cuit: string): string {
  return `/empresas/${businessId}/clientes/${cuit}`;
}

/**
 * Where switching to `businessId` leads from `pathname`: the same section of the other
 * business (a client's ledger becomes the other business's Clientes), else its Consumo.
 */
export function switchBusinessHref(pathname: string, businessId: string): string {
  const segment = businessPath.exec(pathname)?.[2];
  const section = businessSections.find((s) => s.segment === segment);
  return section ? `/empresas/${businessId}/${section.segment}` : businessHref(businessId);
}
