import { ConsumoSkeleton } from "@/components/consumo/consumo-skeleton";

export default function Loading() {
  return <ConsumoSkeleton />;
}
