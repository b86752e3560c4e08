import type { Metadata } from "next";
import Link from "next/link";
import { Portfolio } from "@/components/portfolio/portfolio";
import { requireUser } from "@/lib/auth/session";
import { parsePortfolioQuery } from "@/lib/portfolio/query";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Empresas" };

export default async function BusinessesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const query = parsePortfolioQuery(await searchParams);
  const view = await (await getRuntime()).portfolio.portfolioPage(user.id, query);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Tus empresas</h1>
        <Link
          href="/empresas/nueva"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Agregar empresa
        </Link>
      </div>
      {view.businessCount === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">Todavía no tenés empresas</h2>
          <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600">
            Hay dos formas de empezar: si la empresa es tuya, agregala con sus credenciales de
            TusFacturas. Si un dueño te dio acceso (por ejemplo, como contador), abrí el enlace de
            la invitación que te envió e ingresá con el email al que te invitaron.
          </p>
          <Link
            href="/empresas/nueva"
            className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Agregar tu primera empresa
          </Link>
        </div>
      ) : (
        <Portfolio view={view} query={{ ...query, page: view.page }} now={new Date()} />
      )}
    </>
  );
}
