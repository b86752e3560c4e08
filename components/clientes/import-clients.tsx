"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { useReturnFocus } from "@/components/ui/use-return-focus";

// The panel (its table, its actions) loads when someone heads for the button, not with the page.
const loadPanel = () => import("./import-panel");
const ImportPanel = lazy(() => loadPanel().then((m) => ({ default: m.ImportPanel })));
const preloadPanel = () => void loadPanel();

/** «Importar desde un archivo» on Clientes: the button, and the panel it opens. */
export function ImportClients({ businessId }: { businessId: string }) {
  const [open, setOpen] = useState(false);
  const returnFocusRef = useReturnFocus<HTMLButtonElement>(open);
  if (!open) {
    return (
      <Button
        ref={returnFocusRef}
        variant="secondary"
        onPointerEnter={preloadPanel}
        onFocus={preloadPanel}
        onClick={() => setOpen(true)}
      >
        Importar desde un archivo
      </Button>
    );
  }
  return (
    <div className="w-full">
      <Suspense
        fallback={
          <p role="status" className="text-sm text-slate-600">
            Cargando la importación…
          </p>
        }
      >
        <ImportPanel businessId={businessId} onClose={() => setOpen(false)} />
      </Suspense>
    </div>
  );
}
