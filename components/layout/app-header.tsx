import Link from "next/link";
import { BusinessSwitcher } from "@/components/navigation/business-switcher";
import { CommandPalette } from "@/components/navigation/command-palette";
import type { BusinessOption } from "@/components/navigation/types";
import { SignOutButton } from "@/components/auth/sign-out-button";

export function AppHeader({
  userName,
  businesses,
  total,
}: {
  userName: string;
  /** The user's first businesses by name; `total` is how many they have. */
  businesses: BusinessOption[];
  total: number;
}) {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <nav aria-label="Principal" className="flex items-center gap-6">
            <Link href="/empresas" className="text-lg font-bold tracking-tight text-brand-700">
              Tablero
            </Link>
            <Link
              href="/empresas"
              className="text-sm font-medium text-slate-700 hover:text-slate-900"
            >
              Empresas
            </Link>
            <Link href="/iva" className="text-sm font-medium text-slate-700 hover:text-slate-900">
              IVA compras-ventas
            </Link>
          </nav>
          <BusinessSwitcher businesses={businesses} total={total} />
        </div>
        <div className="flex items-center gap-3 text-sm">
          <CommandPalette businesses={businesses} total={total} />
          <span className="text-slate-700">{userName}</span>
          <Link
            href="/cuenta"
            className="font-medium text-slate-700 underline-offset-2 hover:text-slate-900 hover:underline"
          >
            Tu cuenta
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
