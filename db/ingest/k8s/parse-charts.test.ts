import { describe, expect, it } from "vitest";
import { pick, readFixture } from "../test-fixtures";
import { installCommand, parseChartLine } from "./parse-charts";

const charts = readFixture(new URL("./__fixtures__/charts.jsonl", import.meta.url));
const raw = (id: string) => pick(charts, "id", id);
const chart = (id: string) => parseChartLine(raw(id));
/** The same real chart as if upstream had shipped no install_command. */
const withoutUpstream = (id: string) => parseChartLine({ ...raw(id), install_command: null });

describe("parseChartLine", () => {
  it("keeps every table field of a classic index chart", () => {
    const c = chart("kuberay/kuberay-operator");
    expect(c).toMatchObject({
      id: "kuberay/kuberay-operator",
      repository: "kuberay",
      repositoryUrl: "https://ray-project.github.io/kuberay-helm/",
      ociUrl: null,
      name: "kuberay-operator",
      version: "1.7.0",
      appVersion: null,
      description: "A Helm chart for deploying the Kuberay operator on Kubernetes.",
      home: "https://github.com/ray-project/kuberay",
      official: true,
      deprecated: false,
      published: true,
      stars: null,
      license: "Apache-2.0",
      category: null,
      created: "2026-08-20T04:45:03Z",
      versionsCount: 46,
    });
    expect(c.keywords).toContain("ray operator");
    expect(c.readme).toMatch(/^# kuberay-operator/);
    expect(c.aliases).toEqual(expect.arrayContaining(["ray", "kuberay"]));
    expect(c.installCommand).toBe(
      "helm repo add kuberay https://ray-project.github.io/kuberay-helm/ && helm install my-kuberay-operator kuberay/kuberay-operator",
    );
  });

  it("deprecated chart (bitnami/dokuwiki)", () => {
    const c = chart("bitnami/dokuwiki");
    expect(c.deprecated).toBe(true);
    expect(c.description).toMatch(/^DEPRECATED DokuWiki/);
    expect(c.category).toBe("Wiki");
    expect(c.official).toBe(false);
    expect(c.maintainers).toEqual([]);
    expect(c.keywords).toEqual(["dokuwiki", "wiki", "http", "web", "application", "php"]);
    expect(c.installCommand).toBe("helm install my-dokuwiki oci://registry-1.docker.io/bitnamicharts/dokuwiki");
  });

  it("OCI-only chart (kserve/kserve-crd): upstream command, OCI fallback with version", () => {
    const c = chart("kserve/kserve-crd");
    expect(c.repositoryUrl).toBe("oci://ghcr.io/kserve/charts");
    expect(c.ociUrl).toBe("oci://ghcr.io/kserve/charts/kserve-crd");
    expect(c.installCommand).toBe("helm install my-kserve-crd oci://ghcr.io/kserve/charts/kserve-crd");
    expect(withoutUpstream("kserve/kserve-crd").installCommand).toBe(
      "helm install kserve-crd oci://ghcr.io/kserve/charts/kserve-crd --version v0.20.0",
    );
    expect(c.aliases).toEqual(expect.arrayContaining(["kserve", "model serving", "inference"]));
  });

  it("classic repo fallback: repo add + update + install --version", () => {
    expect(withoutUpstream("kuberay/kuberay-operator").installCommand).toBe(
      "helm repo add kuberay https://ray-project.github.io/kuberay-helm/ && helm repo update && " +
        "helm install kuberay-operator kuberay/kuberay-operator --version 1.7.0",
    );
  });

  it("OCI derived from an oci:// repository_url when oci_url is missing", () => {
    const c = parseChartLine({ ...raw("kueue/kueue"), install_command: null, oci_url: null });
    expect(c.installCommand).toBe("helm install kueue oci://registry.k8s.io/kueue/charts/kueue --version 0.19.2");
  });

  it("Triton example chart: renamed per deploy dir, git clone install", () => {
    const c = chart("triton-inference-server/aws");
    expect(c).toMatchObject({
      name: "triton-inference-server-aws",
      repository: "triton-inference-server",
      repositoryUrl: null,
      published: false,
      version: "1.0.0",
      versionsCount: 1,
    });
    expect(c.aliases).toEqual(expect.arrayContaining(["triton-inference-server", "triton", "model serving"]));
    expect(c.installCommand).toBe(
      "git clone --depth 1 https://github.com/triton-inference-server/server && " +
        "helm install triton-inference-server-aws ./server/deploy/aws",
    );
    expect(chart("triton-inference-server/fleetcommand").name).toBe("triton-inference-server-fleetcommand");
  });

  it("CrunchyData example chart installs from its helm/postgres dir", () => {
    const c = chart("crunchydata-examples/postgrescluster");
    expect(c.installCommand).toBe(
      "git clone --depth 1 https://github.com/CrunchyData/postgres-operator-examples && " +
        "helm install postgrescluster ./postgres-operator-examples/helm/postgres",
    );
    expect(c.aliases).toEqual(expect.arrayContaining(["postgres", "postgresql", "pg"]));
  });

  it("aliases from the table and derivations", () => {
    expect(chart("bitnami/postgresql").aliases).toEqual(["postgres", "pg"]);
    expect(chart("prometheus-community/kube-prometheus-stack").aliases).toEqual(
      expect.arrayContaining(["prometheus", "grafana", "monitoring", "kube-prometheus"]),
    );
    expect(chart("ingress-nginx/ingress-nginx").aliases).toEqual(["nginx", "ingress"]);
  });

  it("every fixture chart gets a helm / git-clone command that names the chart", () => {
    for (const r of charts) {
      const c = parseChartLine(r);
      const fallback = parseChartLine({ ...r, install_command: null });
      for (const cmd of [c.installCommand, fallback.installCommand]) {
        expect(cmd).toMatch(/^(helm (repo add|install) |git clone )/);
        expect(cmd).toContain(c.name);
      }
      expect(c.stars).toBeNull();
      expect(c.aliases).not.toContain(c.name);
    }
  });

  it("installCommand() works on a bare row", () => {
    expect(
      installCommand({ name: "qdrant", repository: "qdrant", repositoryUrl: "https://qdrant.github.io/qdrant-helm", ociUrl: null, version: "1.15.0" }),
    ).toBe("helm repo add qdrant https://qdrant.github.io/qdrant-helm && helm repo update && helm install qdrant qdrant/qdrant --version 1.15.0");
  });
});
