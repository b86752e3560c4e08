"use client";

import { lazy, Suspense, useSyncExternalStore, type ComponentProps } from "react";

// Only people who open Clientes to import need the panel's script: the cartera comes first.
// Drawn in the browser only (the server and the first render show the placeholder), without
// next/dynamic's loader in the page's first scripts.
const ClientImportPanel = lazy(() =>
  import("./client-import-panel").then((m) => ({ default: m.ClientImportPanel })),
);

const noSubscription = () => () => {};

export function LazyClientImportPanel(props: ComponentProps<typeof ClientImportPanel>) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const placeholder = <p className="text-sm text-slate-600">Cargando la importación…</p>;
  if (!inBrowser) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <ClientImportPanel {...props} />
    </Suspense>
  );
}
