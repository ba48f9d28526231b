import { z } from "zod";

export const ARTIFACT_KINDS = ["helm_values", "k8s_manifest", "k8s_job", "skypilot_task", "docker_run", "shell"] as const;

export const artifactSchema = z
  .object({
    id: z.string().describe("stable within the plan: <component>-<kind>[-<chart>]"),
    component: z.string().describe("the deployments[] component the file deploys; `plan` for install.sh"),
    kind: z.enum(ARTIFACT_KINDS),
    filename: z.string().describe("unique within the plan; [A-Za-z0-9._-] only"),
    media_type: z.string().describe("application/yaml or application/x-sh"),
    description: z.string(),
    content: z.string().describe("the whole file, ready to apply unchanged"),
  })
  .describe("Artifact");

export type Artifact = z.infer<typeof artifactSchema>;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];
