"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { BusinessOption } from "./types";

type Remembered = { business: BusinessOption | null; set(business: BusinessOption): void };

const CurrentBusinessContext = createContext<Remembered>({ business: null, set: () => {} });

/**
 * The header lists only the user's first businesses: the business a page is about tells the
 * header its name through here, so the switcher can name it even when it is not in that list.
 */
export function CurrentBusinessProvider({ children }: { children: ReactNode }) {
  const [business, set] = useState<BusinessOption | null>(null);
  return (
    <CurrentBusinessContext.Provider value={{ business, set }}>
      {children}
    </CurrentBusinessContext.Provider>
  );
}

/** Placed by a business's layout: nothing on screen. */
export function CurrentBusiness({ business }: { business: BusinessOption }) {
  const { set } = useContext(CurrentBusinessContext);
  const { id, razonSocial, cuit } = business;
  useEffect(() => set({ id, razonSocial, cuit }), [set, id, razonSocial, cuit]);
  return null;
}

/** The business the current page told the header about, if any. */
export function useCurrentBusiness(): BusinessOption | null {
  return useContext(CurrentBusinessContext).business;
}
