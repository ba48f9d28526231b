/** A batch/v1 Job for training and fine-tuning, built with kubernetes-models and validated. */
import { Job } from "kubernetes-models/batch/v1";
import { PersistentVolumeClaim } from "kubernetes-models/v1";
import type { DeploymentContext } from "./context";
import { NAMESPACE, k8sName } from "./context";
import { TRAINING_IMAGE } from "./engine-command";
import { GPU_TOLERATIONS, gpuNodeSelector, gpuResources, hfTokenEnv } from "./pod-parts";
import { OUTPUT_DIR, trainingEnv, trainingScript, type TrainingTask } from "./training-command";

export function trainingJobManifests(c: DeploymentContext, task: TrainingTask): object[] {
  const name = k8sName(task === "fine_tuning" ? "fine-tune" : "train", c.d.model_id?.split("/").pop() ?? "model");
  const labels = { "app.kubernetes.io/name": name, "app.kubernetes.io/component": c.d.component };
  const pvc = new PersistentVolumeClaim({
    metadata: { name: `${name}-output`, namespace: NAMESPACE, labels },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: `${c.modelStorageGi}Gi` } } },
  });
  const env = Object.entries(trainingEnv(c.d, task)).map(([k, value]) => ({ name: k, value }));
  const job = new Job({
    metadata: { name, namespace: NAMESPACE, labels },
    spec: {
      backoffLimit: 1,
      ttlSecondsAfterFinished: 86_400,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: "Never",
          nodeSelector: gpuNodeSelector(c),
          tolerations: c.gpuLimit > 0 ? GPU_TOLERATIONS : undefined,
          containers: [
            {
              name: "trainer",
              image: TRAINING_IMAGE,
              command: ["bash", "-ec", trainingScript(c.d, task)],
              env: [...env, ...hfTokenEnv(c)],
              resources: gpuResources(c),
              volumeMounts: [{ name: "output", mountPath: OUTPUT_DIR }, { name: "dshm", mountPath: "/dev/shm" }],
            },
          ],
          volumes: [
            { name: "output", persistentVolumeClaim: { claimName: `${name}-output` } },
            { name: "dshm", emptyDir: { medium: "Memory", sizeLimit: "16Gi" } }, // NCCL and DataLoader workers need a large /dev/shm
          ],
        },
      },
    },
  });
  pvc.validate();
  job.validate();
  return [pvc.toJSON() as object, job.toJSON() as object];
}
