"use client";

import dynamic from "next/dynamic";

// Only people who open Clientes to import need the panel's script: the cartera comes first.
export const LazyClientImportPanel = dynamic(
  () => import("./client-import-panel").then((m) => m.ClientImportPanel),
  {
    ssr: false,
    loading: () => <p className="text-sm text-slate-600">Cargando la importación…</p>,
  },
);
