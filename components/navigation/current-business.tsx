"use client";

import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import type { ReactNode } from "react";
import type { BusinessOption } from "./types";

/**
 * The business the page is about, kept outside React's state: telling the header changes no
 * context, so no update reaches the parts of the page still waiting for their code
 * (`lazyHydrated`), which React would otherwise throw away and draw again once it arrives.
 */
type Remembered = {
  get(): BusinessOption | null;
  set(business: BusinessOption): void;
  subscribe(listener: () => void): () => void;
};

function remembered(): Remembered {
  let business: BusinessOption | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => business,
    set(next) {
      business = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const CurrentBusinessContext = createContext<Remembered>(remembered());

/**
 * The header lists only the user's first businesses: the business a page is about tells the
 * header its name through here, so the switcher can name it even when it is not in that list.
 */
export function CurrentBusinessProvider({ children }: { children: ReactNode }) {
  const [store] = useState(remembered);
  return (
    <CurrentBusinessContext.Provider value={store}>{children}</CurrentBusinessContext.Provider>
  );
}

/** Placed by a business's layout: nothing on screen. */
export function CurrentBusiness({ business }: { business: BusinessOption }) {
  const store = useContext(CurrentBusinessContext);
  const { id, razonSocial, cuit } = business;
  useEffect(() => store.set({ id, razonSocial, cuit }), [store, id, razonSocial, cuit]);
  return null;
}

const noBusiness = () => null;

/** The business the current page told the header about, if any. */
export function useCurrentBusiness(): BusinessOption | null {
  const store = useContext(CurrentBusinessContext);
  return useSyncExternalStore(store.subscribe, store.get, noBusiness);
}
