"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * The recovery codes, shown once (only their hashes are kept): copy, download as a text file,
 * and "Ya los guardé" to close them. The heading takes focus so a screen reader starts here.
 */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => headingRef.current?.focus(), []);
  const text = codes.join("\n");

  function download() {
    const url = URL.createObjectURL(
      new Blob([`Códigos de recuperación de Tablero (cada uno sirve una sola vez)\n\n${text}\n`], {
        type: "text/plain;charset=utf-8",
      }),
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = "tablero-codigos-de-recuperacion.txt";
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h3 ref={headingRef} tabIndex={-1} className="font-semibold text-amber-950">
        Tus códigos de recuperación
      </h3>
      <p className="text-sm text-amber-950">
        Guardalos en un lugar seguro: si perdés el teléfono, cada uno te deja ingresar una sola vez.
        No los vamos a volver a mostrar.
      </p>
      <ul
        aria-label="Códigos de recuperación"
        className="grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-2 py-1 text-slate-900">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
        >
          {copied ? "Copiados" : "Copiar"}
        </Button>
        <Button variant="secondary" onClick={download}>
          Descargar
        </Button>
        <Button onClick={onSaved}>Ya los guardé</Button>
      </div>
      {copied ? <Alert tone="success">Copiamos los códigos al portapapeles.</Alert> : null}
    </div>
  );
}
