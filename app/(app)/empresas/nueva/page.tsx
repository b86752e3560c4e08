import type { Metadata } from "next";
import { BusinessForm } from "@/components/businesses/business-form";

export const metadata: Metadata = { title: "Agregar empresa" };

export default function NewBusinessPage() {
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-semibold">Agregar empresa</h1>
      <p className="mt-2 text-sm text-slate-600">
        Al guardar, Tablero verifica las credenciales consultando el consumo de tu plan en
        TusFacturas. Esa consulta usa 1 request de tu plan y queda como primer dato de consumo.
      </p>
      <BusinessForm />
    </div>
  );
}
