"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";

/** Search by name or CUIT, kept in the URL (`?q=`) so the view can be shared. */
export function ClientSearch({ initial }: { initial: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(initial);
  return (
    <form
      role="search"
      className="flex items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const q = value.trim();
        router.replace(q ? `${pathname}?q=${encodeURIComponent(q)}` : pathname);
      }}
    >
      <div>
        <label htmlFor="client-search" className="block text-sm font-medium text-slate-800">
          Buscar cliente
        </label>
        <input
          id="client-search"
          type="search"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="Nombre o CUIT"
          className="mt-1 w-64 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
      </div>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
      >
        Buscar
      </button>
    </form>
  );
}
