import type { Sizing } from "@/lib/schemas/plan";
import { formatGb } from "./format";

/** How many GPUs of each memory size the workload needs. */
export function GpuFitTable({ fit }: { fit: NonNullable<Sizing["gpu_fit"]> }) {
  if (fit.length === 0) return null;
  return (
    <div>
      <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">GPUs needed by card size</h4>
      <div className="overflow-x-auto">
        <table className="w-full max-w-xl text-sm" data-testid="plan-gpu-fit">
          <thead>
            <tr className="text-left text-xs text-muted">
              <th scope="col" className="py-1 pr-4 font-medium">Memory per GPU</th>
              <th scope="col" className="py-1 pr-4 font-medium">GPUs needed</th>
              <th scope="col" className="py-1 font-medium">Note</th>
            </tr>
          </thead>
          <tbody>
            {fit.map((f) => (
              <tr key={f.gpu_memory_gb} className="border-t border-border">
                <td className="py-1.5 pr-4 tabular-nums">{formatGb(f.gpu_memory_gb)}</td>
                <td className="py-1.5 pr-4 tabular-nums font-medium">
                  {f.gpus_needed == null ? <span className="text-danger">does not fit</span> : `${f.gpus_needed}×`}
                </td>
                <td className="py-1.5 text-muted">{f.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
