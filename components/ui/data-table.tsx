import type { ComponentProps, ReactNode } from "react";

/**
 * Cells take their horizontal padding from the table (`--cell-px`), so a table chooses its
 * inset once instead of on every cell; server components cannot share it through a context.
 */
const insets = {
  normal: "[--cell-px:--spacing(3)]",
  wide: "[--cell-px:--spacing(4)]",
} as const;
const cell = "px-(--cell-px) py-2";

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

/**
 * Tablero's list table: a white bordered box that scrolls sideways on narrow screens. The
 * caption is for screen readers (the section's heading is the visible title); the table's
 * accessible name comes from it.
 */
export function DataTable({
  caption,
  inset = "normal",
  children,
}: {
  caption: ReactNode;
  inset?: keyof typeof insets;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={classes("min-w-full text-sm", insets[inset])}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** The header row; its children are `ColumnHeader`s. */
export function DataTableHead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50 text-left text-slate-700">
      <tr>{children}</tr>
    </thead>
  );
}

/** A column's header; `align="end"` for figures. */
export function ColumnHeader({
  align = "start",
  className,
  ...props
}: Omit<ComponentProps<"th">, "align"> & { align?: "start" | "end" }) {
  return (
    <th
      scope="col"
      className={classes(cell, align === "end" && "text-right", "font-medium", className)}
      {...props}
    />
  );
}

/** The rows, separated by a thin line. */
export function DataTableBody(props: Omit<ComponentProps<"tbody">, "className">) {
  return <tbody className="divide-y divide-slate-100" {...props} />;
}

/** The cell that names its row (a person, a business, a method); its weight is the caller's. */
export function RowHeader({ className, ...props }: ComponentProps<"th">) {
  return <th scope="row" className={classes(cell, "text-left", className)} {...props} />;
}

/** A data cell with the table's padding. */
export function DataCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={classes(cell, className)} {...props} />;
}
