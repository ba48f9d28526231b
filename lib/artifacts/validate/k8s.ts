/** Kubernetes objects re-checked with kubernetes-models' validate(), by apiVersion and kind. */
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { ConfigMap, Container, PersistentVolumeClaim, Service } from "kubernetes-models/v1";

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
  "batch/v1/Job": Job,
  "v1/Service": Service,
  "v1/PersistentVolumeClaim": PersistentVolumeClaim,
  "v1/ConfigMap": ConfigMap,
};

function check(run: () => void): string[] {
  try {
    run();
    return [];
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
}

/** Errors for one object; a KServe InferenceService has its predictor checked as a core Container. */
export function k8sObjectErrors(obj: unknown): string[] {
  const o = obj as { apiVersion?: string; kind?: string; spec?: { predictor?: { model?: Record<string, unknown> } } };
  if (!o || typeof o !== "object") return ["not an object"];
  if (o.apiVersion === "serving.kserve.io/v1beta1" && o.kind === "InferenceService") {
    const model = o.spec?.predictor?.model;
    if (!model || !(model.modelFormat as { name?: string })?.name) return ["InferenceService: spec.predictor.model.modelFormat.name is required"];
    const { modelFormat: _f, storageUri: _u, runtime: _r, ...container } = model;
    return check(() => new Container({ name: "kserve-container", ...container } as never).validate());
  }
  const Model = MODELS[`${o.apiVersion}/${o.kind}`];
  if (!Model) return [`unknown kind ${o.apiVersion}/${o.kind}`];
  return check(() => new Model(obj as never).validate());
}
