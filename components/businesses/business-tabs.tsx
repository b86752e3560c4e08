"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { businessSections } from "@/lib/navigation/paths";

export function BusinessTabs({ businessId }: { businessId: string }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Secciones de la empresa"
      className="mt-4 border-b border-slate-200 print:hidden"
    >
      <ul className="-mb-px flex gap-4">
        {businessSections.map((tab) => {
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
