"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { businessSections } from "@/lib/navigation/paths";

/** The business's sections; those the role cannot use are not offered (the server refuses them). */
export function BusinessTabs({ businessId, role }: { businessId: string; role: Role }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Secciones de la empresa"
      className="mt-4 border-b border-slate-200 print:hidden"
    >
      <ul className="-mb-px flex flex-wrap gap-x-4 gap-y-1">
        {businessSections
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
