"use client";

import { lazy, Suspense, type ComponentProps } from "react";

// The members and the pending invitations, with their controls, are most of the page's own
// script: the server renders both lists whole, and each hydrates once its chunk has arrived
// (a click meanwhile is replayed by React after hydrating).
const MembersTable = lazy(() =>
  import("./members-table").then((m) => ({ default: m.MembersTable })),
);
const PendingInvitations = lazy(() =>
  import("./pending-invitations").then((m) => ({ default: m.PendingInvitations })),
);

export function LazyMembersTable(props: ComponentProps<typeof MembersTable>) {
  return (
    <Suspense>
      <MembersTable {...props} />
    </Suspense>
  );
}

export function LazyPendingInvitations(props: ComponentProps<typeof PendingInvitations>) {
  return (
    <Suspense>
      <PendingInvitations {...props} />
    </Suspense>
  );
}
