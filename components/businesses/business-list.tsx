import Link from "next/link";
import { roleLabels } from "@/lib/auth/permissions";
import { formatCuit } from "@/lib/cuit";
import type { CredentialStatus, Role } from "@/lib/db/schema";
import { CredentialBadge } from "./credential-badge";

type Row = {
  id: string;
  razonSocial: string;
  cuit: string;
  role: Role;
  credentialStatus: CredentialStatus | null;
};

export function BusinessList({ businesses }: { businesses: Row[] }) {
  if (businesses.length === 0) {
    return (
      <div className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="text-lg font-semibold">Todavía no tenés empresas</h2>
        <p className="mt-2 text-sm text-slate-600">
          Agregá una empresa con sus credenciales de TusFacturas para ver su consumo.
        </p>
        <Link
          href="/empresas/nueva"
          className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Agregar tu primera empresa
        </Link>
      </div>
    );
  }
  return (
    <ul className="mt-6 grid gap-4 sm:grid-cols-2">
      {businesses.map((business) => (
        <li key={business.id}>
          <Link
            href={`/empresas/${business.id}/consumo`}
            // Opening consumo may refresh it from TusFacturas: only a real visit should.
            prefetch={false}
            className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
          >
            <p className="font-semibold">{business.razonSocial}</p>
            <p className="mt-1 text-sm text-slate-600">CUIT {formatCuit(business.cuit)}</p>
            <div className="mt-3 flex items-center gap-2 text-xs">
              <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-700">
                {roleLabels[business.role]}
              </span>
              <CredentialBadge status={business.credentialStatus ?? "missing"} />
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
