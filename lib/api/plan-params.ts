import { z } from "zod";
import { ARTIFACT_FILENAME } from "@/lib/artifacts";

/** Path parameters of the plan export and download routes. */
export const messagePathSchema = z.object({
  conversation_id: z.uuid("must be a UUID"),
  message_id: z.uuid("must be a UUID"),
});

export const artifactPathSchema = messagePathSchema.extend({
  filename: z.string().regex(ARTIFACT_FILENAME, "must be a plain file name (letters, digits, '.', '_', '-'; no path)"),
});

/** A Content-Disposition for a name that already passed ARTIFACT_FILENAME (no quoting needed). */
export const attachment = (filename: string) => `attachment; filename="${filename}"`;
