"use client";

import { lazyHydrated } from "@/components/ui/lazy-hydrated";

// The members page's controls are all of its own script: the server renders them, and each
// hydrates once its chunk has arrived.
export const LazyInviteMember = lazyHydrated(() =>
  import("./invite-member").then((m) => m.InviteMember),
);
export const LazyPendingInvitations = lazyHydrated(() =>
  import("./pending-invitations").then((m) => m.PendingInvitations),
);
export const LazyMembersTable = lazyHydrated(() =>
  import("./members-table").then((m) => m.MembersTable),
);
export const LazyRequireTwoFactor = lazyHydrated(() =>
  import("./require-two-factor").then((m) => m.RequireTwoFactor),
);
