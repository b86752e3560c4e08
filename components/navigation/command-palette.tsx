"use client";

import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from "react";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { BusinessOption } from "./types";

const noSubscription = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.userAgent);

// The dialog and its search (with react-query) load when someone heads for it: the trigger
// hovered or focused, or Ctrl/⌘ pressed; opening it before they arrive just waits for them.
const loadDialog = () => import("./navigation-dialog");
const NavigationDialog = lazy(() => loadDialog().then((m) => ({ default: m.NavigationDialog })));
const preloadDialog = () => void loadDialog();

/**
 * "Buscar…" in the header and its shortcut, Ctrl+K (⌘+K on Apple keyboards) anywhere in the
 * signed-in app: both open "Ir a…", which gives focus back where it was when dismissed.
 */
export function CommandPalette({
  businesses,
  total,
}: {
  businesses: BusinessOption[];
  total: number;
}) {
  const [open, setOpen] = useState(false);
  const returnFocusRef = useReturnFocus<HTMLElement>(open);
  const apple = useSyncExternalStore(noSubscription, isApple, () => false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Control" || event.key === "Meta") preloadDialog();
      if (event.key.toLowerCase() !== "k" || event.altKey || event.shiftKey) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      // The browser's own Ctrl+K (its search box) would take focus away from the page.
      event.preventDefault();
      if (open) return;
      returnFocusRef.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setOpen(true);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [open, returnFocusRef]);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onPointerEnter={preloadDialog}
        onFocus={preloadDialog}
        onClick={(event) => {
          returnFocusRef.current = event.currentTarget;
          setOpen(true);
        }}
        className="inline-flex items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      >
        Buscar…{" "}
        <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-sans text-xs text-slate-600">
          {apple ? "⌘ K" : "Ctrl K"}
        </kbd>
      </button>
      {open ? (
        <Suspense>
          <NavigationDialog
            businesses={businesses}
            total={total}
            onClose={({ navigated }) => {
              // After a navigation the old focus belongs to a page that is going away.
              if (navigated) returnFocusRef.current = null;
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
