import type { Metadata } from "next";
import Link from "next/link";
import { BusinessList } from "@/components/businesses/business-list";
import { requireUser } from "@/lib/auth/session";
import { listBusinessesOf } from "@/lib/businesses/service";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Empresas" };

export default async function BusinessesPage() {
  const user = await requireUser();
  const businesses = await listBusinessesOf(await getDb(), user.id);
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
      <BusinessList businesses={businesses} />
    </>
  );
}
