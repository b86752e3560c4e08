"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { formatCuit } from "@/lib/cuit";
import { businessIdIn, switchBusinessHref } from "@/lib/navigation/paths";
import { useCurrentBusiness } from "./current-business";
import type { BusinessOption } from "./types";

type Item = { key: string; label: string; detail?: string; href: string; current: boolean };

/**
 * "Empresa": a menu button listing the user's businesses. Each item keeps the section the
 * user is in (see `switchBusinessHref`); the last one goes to every business.
 */
export function BusinessSwitcher({
  businesses,
  total,
}: {
  businesses: BusinessOption[];
  total: number;
}) {
  const pathname = usePathname();
  const currentId = businessIdIn(pathname);
  const remembered = useCurrentBusiness();
  const listed = businesses.find((b) => b.id === currentId);
  // A business past the header's first few: its page names it (CurrentBusiness).
  const current = listed ?? (remembered?.id === currentId ? remembered : undefined);
  const shown = listed || !current ? businesses : [current, ...businesses];
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const open = focusIndex !== null;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items: Item[] = [
    ...shown.map((b) => ({
      key: b.id,
      label: b.razonSocial,
      detail: `CUIT ${formatCuit(b.cuit)}`,
      href: switchBusinessHref(pathname, b.id),
      current: b.id === currentId,
    })),
    {
      key: "all",
      label: "Todas las empresas",
      detail:
        total > businesses.length ? `${total} en total: buscalas ahí o con Ctrl+K` : undefined,
      href: "/empresas",
      current: pathname === "/empresas",
    },
  ];

  useEffect(() => {
    if (focusIndex === null) return;
    menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[focusIndex]?.focus();
  }, [focusIndex]);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setFocusIndex(null);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function close({ returnFocus }: { returnFocus: boolean }) {
    setFocusIndex(null);
    if (returnFocus) buttonRef.current?.focus();
  }

  function openAt(index: number) {
    setFocusIndex((index + items.length) % items.length);
  }

  const currentIndex = Math.max(
    items.findIndex((item) => item.current),
    0,
  );

  function onButtonKeyDown(event: KeyboardEvent) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openAt(event.key === "ArrowDown" ? 0 : -1);
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (focusIndex === null) return;
    const moves: Record<string, number> = {
      ArrowDown: focusIndex + 1,
      ArrowUp: focusIndex - 1,
      Home: 0,
      End: -1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      openAt(next);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close({ returnFocus: true });
    } else if (event.key === "Tab") {
      close({ returnFocus: false });
    } else if (event.key === " ") {
      event.preventDefault();
      (event.target as HTMLElement).click();
    }
  }

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close({ returnFocus: false }) : openAt(currentIndex))}
        onKeyDown={onButtonKeyDown}
        className="inline-flex max-w-64 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        <span className="sr-only">Empresa: </span>
        <span className="truncate">{current?.razonSocial ?? "Elegí una empresa"}</span>
        <span aria-hidden="true" className="text-slate-500">
          ▾
        </span>
      </button>
      {open ? (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Cambiar de empresa"
          onKeyDown={onMenuKeyDown}
          className="absolute left-0 z-20 mt-1 max-h-96 w-80 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {items.map((item, index) => (
            <li
              key={item.key}
              role="none"
              className={index === items.length - 1 ? "border-t border-slate-200" : ""}
            >
              <Link
                href={item.href}
                role="menuitem"
                tabIndex={-1}
                // Opening consumo may refresh it from TusFacturas: only a real visit should.
                prefetch={false}
                aria-current={item.current ? "true" : undefined}
                onClick={() => close({ returnFocus: false })}
                className={`block px-3 py-2 text-sm -outline-offset-2 hover:bg-slate-100 focus:bg-slate-100 ${
                  item.current ? "font-semibold text-brand-700" : "text-slate-800"
                }`}
              >
                {item.label}
                {item.detail ? (
                  <span className="block text-xs font-normal text-slate-600">{item.detail}</span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
