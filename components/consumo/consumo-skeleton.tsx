export function ConsumoSkeleton() {
  return (
    <div aria-busy="true" aria-label="Cargando el consumo" className="animate-pulse">
      <div className="grid gap-6 md:grid-cols-[280px_1fr]">
        <div className="mx-auto h-64 w-64 rounded-full bg-slate-200" />
        <div className="space-y-3">
          <div className="h-6 w-40 rounded bg-slate-200" />
          <div className="h-16 rounded bg-slate-200" />
          <div className="h-16 rounded bg-slate-200" />
        </div>
      </div>
    </div>
  );
}
