/**
 * MLflow tracking server (community-charts/mlflow) values. The chart's default backend store is an
 * in-memory SQLite database (`backendStore.defaultSqlitePath: ":memory:"`) and its artifacts live in
 * the container, so both are lost on restart; these values keep them on a PersistentVolumeClaim the
 * chart deploys itself (`extraDeploy`), mounted at /mlflow:
 * - backend store: SQLite in /mlflow/mlflow.db, or the chart's bundled PostgreSQL (`postgresql.enabled`,
 *   the password generated into the subchart's Secret, tables created by `backendStore.databaseMigration`)
 *   when the plan says a database is used or runs more than one replica (SQLite is one writer's file);
 * - artifacts: proxied by the server (`artifactRoot.proxiedArtifactStorage`, `--serve-artifacts`) into
 *   /mlflow/artifacts, the PVC sized from resources.storage_gb.
 * Keys checked against the chart's values.schema.json (catalog/k8s-values/community-charts/mlflow).
 */
import { PersistentVolumeClaim } from "kubernetes-models/v1";
import type { Deployment } from "@/lib/schemas/plan";
import type { DeploymentContext } from "./context";
import { serviceResources, serviceStorage } from "./resources";

const DATA_DIR = "/mlflow";
export const MLFLOW_PVC = "mlflow-data";

/** PostgreSQL when the plan's sizing or role mentions a database, or the server has more than one replica. */
export function mlflowUsesPostgres(d: Pick<Deployment, "replicas" | "sizing_basis" | "role">): boolean {
  return d.replicas > 1 || /postgres|database/i.test([...(d.sizing_basis ?? []), d.role ?? ""].join(" "));
}

export function mlflowValues(c: DeploymentContext): Record<string, unknown> {
  const postgres = mlflowUsesPostgres(c.d);
  const pvc = new PersistentVolumeClaim({
    metadata: { name: MLFLOW_PVC },
    spec: {
      // Several replicas share the artifacts: that needs a ReadWriteMany storage class (NFS, EFS, Filestore …).
      accessModes: [c.d.replicas > 1 ? "ReadWriteMany" : "ReadWriteOnce"],
      resources: { requests: { storage: serviceStorage(c, 50) } },
    },
  });
  pvc.validate();
  const v: Record<string, unknown> = {
    replicaCount: c.d.replicas,
    resources: serviceResources(c),
    nodeSelector: c.nodeSelector,
    backendStore: postgres ? { databaseMigration: true, databaseConnectionCheck: true } : { defaultSqlitePath: `${DATA_DIR}/mlflow.db` },
    artifactRoot: { proxiedArtifactStorage: true, defaultArtifactsDestination: `${DATA_DIR}/artifacts` },
    extraDeploy: [pvc.toJSON()],
    extraVolumes: [{ name: "data", persistentVolumeClaim: { claimName: MLFLOW_PVC } }],
    extraVolumeMounts: [{ name: "data", mountPath: DATA_DIR }],
  };
  if (postgres) v.postgresql = { enabled: true };
  return v;
}
