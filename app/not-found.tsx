import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">No encontramos esta página</h1>
      <p className="mt-2 text-slate-600">Puede que no exista o que no tengas acceso a ella.</p>
      <Link href="/empresas" className="mt-6 inline-block font-medium text-brand-700 underline">
        Volver a tus empresas
      </Link>
    </main>
  );
}
