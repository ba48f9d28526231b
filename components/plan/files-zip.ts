import { strToU8, zipSync } from "fflate";
import type { Artifact } from "@/lib/schemas/artifacts";

/** Every file of the plan in one zip (shell scripts executable), made in the browser with fflate. */
export function filesZip(files: Pick<Artifact, "filename" | "content" | "media_type">[]): Uint8Array {
  const entries = Object.fromEntries(
    files.map((f) => [f.filename, [strToU8(f.content), { attrs: (f.media_type === "application/x-sh" ? 0o755 : 0o644) << 16, mtime: new Date("2026-01-01T00:00:00Z") }] as const]),
  );
  return zipSync(entries as never, { level: 6 });
}

/** Save bytes or text as a file through a temporary object URL. */
export function saveAs(data: BlobPart, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
