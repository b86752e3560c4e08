import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";

export function AppHeader({ userName }: { userName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
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
        <div className="flex items-center gap-3 text-sm">
          <span className="text-slate-700">{userName}</span>
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100"
            >
              Salir
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
