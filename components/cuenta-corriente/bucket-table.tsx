import { formatCentavos, formatInteger } from "@/lib/format";

type Bucket = { key: string; label: string; comprobantes: number; centavos: number };

/** What is unpaid by age: one row a bucket (comprobantes, importe) and a total row. */
export function BucketTable({
  heading,
  caption,
  buckets,
  total,
  className = "text-sm",
}: {
  /** The first column's header: what the buckets measure. */
  heading: string;
  caption?: string;
  buckets: readonly Bucket[];
  total: { label: string; centavos: number };
  className?: string;
}) {
  return (
    <table className={className}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead className="text-left text-slate-600">
        <tr>
          <th scope="col" className="py-1 font-medium">
            {heading}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Comprobantes
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Importe
          </th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((bucket) => (
          <tr key={bucket.key} className="border-t border-slate-100">
            <th scope="row" className="py-1 text-left font-normal">
              {bucket.label}
            </th>
            <td className="py-1 text-right tabular-nums">{formatInteger(bucket.comprobantes)}</td>
            <td className="py-1 text-right tabular-nums">{formatCentavos(bucket.centavos)}</td>
          </tr>
        ))}
        <tr className="border-t border-slate-300 font-semibold">
          <th scope="row" className="py-1 text-left">
            {total.label}
          </th>
          <td />
          <td className="py-1 text-right tabular-nums">{formatCentavos(total.centavos)}</td>
        </tr>
      </tbody>
    </table>
  );
}
