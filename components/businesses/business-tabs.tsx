"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema";

const tabs: { segment: string; label: string; permission: Permission }[] = [
  { segment: "consumo", label: "Consumo", permission: "business:read" },
  { segment: "clientes", label: "Clientes", permission: "business:read" },
  { segment: "iva", label: "IVA compras-ventas", permission: "business:read" },
  { segment: "credenciales", label: "Credenciales", permission: "credentials:manage" },
  { segment: "miembros", label: "Miembros", permission: "members:manage" },
  { segment: "actividad", label: "Actividad", permission: "audit:read" },
];

/** The business's sections; those the role cannot use are not offered (the server refuses them). */
export function BusinessTabs({ businessId, role }: { businessId: string; role: Role }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Secciones de la empresa"
      className="mt-4 border-b border-slate-200 print:hidden"
    >
      <ul className="-mb-px flex flex-wrap gap-x-4 gap-y-1">
        {tabs
          .filter((tab) => can(role, tab.permission))
          .map((tab) => {
            const href = `/empresas/${businessId}/${tab.segment}`;
            const current = pathname.startsWith(href);
            return (
              <li key={tab.segment}>
                <Link
                  href={href}
                  prefetch={false}
                  aria-current={current ? "page" : undefined}
                  className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium ${
                    current
                      ? "border-brand-600 text-brand-700"
                      : "border-transparent text-slate-600 hover:text-slate-900"
                  }`}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
