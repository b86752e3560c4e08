"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { QueryProvider } from "@/components/query-provider";
import { formatCuit } from "@/lib/cuit";
import { NAVIGATION_QUERY_MAX } from "@/lib/navigation/query";
import { businessHref, clientHref } from "@/lib/navigation/paths";
import type { NavigationResult } from "@/lib/navigation/service";
import type { BusinessOption } from "./types";
import { useNavigationSearch } from "./use-navigation-search";

function hrefOf(result: NavigationResult): string {
  return result.kind === "business"
    ? businessHref(result.id)
    : clientHref(result.businessId, result.cuit);
}

/**
 * "Ir a…": a modal dialog with a combobox. The options stay in a listbox the input points
 * into with `aria-activedescendant`, so focus never leaves the input while moving.
 */
export function NavigationDialog(props: {
  businesses: BusinessOption[];
  total: number;
  onClose: (how: { navigated: boolean }) => void;
}) {
  return (
    <QueryProvider>
      <Dialog {...props} />
    </QueryProvider>
  );
}

function Dialog({
  businesses,
  total,
  onClose,
}: {
  /** The user's first businesses, listed before anything is typed; `total`: all of them. */
  businesses: BusinessOption[];
  total: number;
  onClose: (how: { navigated: boolean }) => void;
}) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const search = useNavigationSearch(query);
  const id = useId();
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const blank = query.trim() === "";
  // While the next answer is on its way the previous one stays: what is shown is what Enter opens.
  const options: NavigationResult[] = blank
    ? businesses.map((b) => ({ kind: "business", ...b }))
    : search.results;
  const activeIndex = Math.min(active, options.length - 1);

  useEffect(() => {
    dialogRef.current?.showModal();
    // showModal() would focus the first control, "Cerrar": the search is what the user wants.
    inputRef.current?.focus();
  }, []);

  useEffect(() => {
    if (activeIndex >= 0)
      document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: "nearest" });
  });

  function go(result: NavigationResult) {
    onClose({ navigated: true });
    router.push(hrefOf(result));
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = options.length - 1;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (last < 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(activeIndex + step > last ? 0 : activeIndex + step < 0 ? last : activeIndex + step);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = options[activeIndex];
      if (option) go(option);
    }
  }

  // showModal() keeps the rest of the page inert; Tab also stays between the input and
  // "Cerrar" instead of leaving for the browser's own controls.
  function onDialogKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== "Tab") return;
    const focusable = Array.from(
      event.currentTarget.querySelectorAll<HTMLElement>("input, button"),
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  const status = blank
    ? null
    : search.error
      ? search.error
      : !search.settled && options.length === 0
        ? "Buscando…"
        : options.length === 0
          ? `No encontramos nada con «${query.trim()}».`
          : options.length === 1
            ? "1 resultado."
            : `${options.length} resultados.`;

  return (
    <dialog
      ref={dialogRef}
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      onClose={() => onClose({ navigated: false })}
      onKeyDown={onDialogKeyDown}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog itself, outside the panel.
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className="mx-auto mt-[12vh] w-[calc(100%-2rem)] max-w-xl rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-4">
        <div className="flex items-center justify-between gap-4">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            Ir a…
          </h2>
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
          >
            Cerrar
          </button>
        </div>
        <label htmlFor={`${id}-input`} className="sr-only">
          Empresa o cliente
        </label>
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          maxLength={NAVIGATION_QUERY_MAX}
          aria-expanded={options.length > 0}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={options.length > 0 ? optionId(activeIndex) : undefined}
          aria-describedby={`${id}-hint`}
          placeholder="Razón social, nombre o CUIT"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onInputKeyDown}
          className="mt-3 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <p id={`${id}-hint`} className="mt-2 text-xs text-slate-600">
          {blank
            ? businesses.length === 0
              ? "Todavía no tenés empresas."
              : total > businesses.length
                ? `Buscá una empresa o un cliente de tus ${total} empresas. Las primeras por nombre:`
                : "Buscá una empresa o un cliente de tus empresas. Tus empresas:"
            : "Flechas para elegir, Enter para abrir, Esc para cerrar."}
        </p>
        <p role="status" className="mt-2 text-sm text-slate-700 empty:hidden">
          {status}
        </p>
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Resultados"
          hidden={options.length === 0}
          className="mt-2 max-h-80 overflow-y-auto"
        >
          {options.map((option, index) => (
            <li
              key={`${option.kind}-${option.id}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              // Keep focus in the input: a click chooses, it does not move focus.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => go(option)}
              className={`cursor-pointer rounded-md px-3 py-2 text-sm ${
                index === activeIndex ? "bg-brand-600 text-white" : "text-slate-800"
              }`}
            >
              {option.kind === "business" ? option.razonSocial : option.nombre}
              <span
                className={`block text-xs ${index === activeIndex ? "text-white" : "text-slate-600"}`}
              >
                {option.kind === "business"
                  ? `Empresa · CUIT ${formatCuit(option.cuit)}`
                  : `Cliente de ${option.businessName} · CUIT ${formatCuit(option.cuit)}`}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </dialog>
  );
}
