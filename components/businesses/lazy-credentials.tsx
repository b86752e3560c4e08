"use client";

import { lazyHydrated } from "@/components/ui/lazy-hydrated";

// The credentials page's two forms: rendered by the server, hydrated once their chunk arrives.
export const LazyCredentialsManager = lazyHydrated(() =>
  import("./credentials-manager").then((m) => m.CredentialsManager),
);
export const LazyDeleteBusiness = lazyHydrated(() =>
  import("./delete-business").then((m) => m.DeleteBusiness),
);
