import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { ENDPOINTS } from "./endpoints";

describe("openApiDocument", () => {
  const doc = openApiDocument() as any;

  it("is OpenAPI 3.1 and documents every endpoint listed by GET /api/v1", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const e of ENDPOINTS.filter((x) => x.path !== "/api/v1/openapi.json")) {
      expect(doc.paths[e.path]?.[e.method.toLowerCase()], `${e.method} ${e.path}`).toBeDefined();
    }
  });

  it("carries the contract's field names from the zod schemas", () => {
    const body = JSON.stringify(doc);
    for (const field of ["conversation_id", "owner_token", "share_url", "min_total_gpu_memory_gb", "install_command", "popularity", "memory_gb_required", "fits_budget"]) {
      expect(body).toContain(`"${field}"`);
    }
    const msg = doc.paths["/api/v1/chat/message"].post.requestBody.content["application/json"].schema;
    const resolved = msg.$ref ? doc.components.schemas[msg.$ref.split("/").pop()] : msg;
    expect(resolved.required).toEqual(expect.arrayContaining(["conversation_id", "message"]));
    expect(resolved.properties.message.maxLength).toBe(8000);
  });

  it("documents the deployments[] and warning_details[] extensions with their enums", () => {
    const body = JSON.stringify(doc);
    for (const field of ["deployments", "warning_details", "model_id", "engine_image", "gpus_per_replica", "tensor_parallel_size", "pipeline_parallel_size", "memory_per_gpu_gb", "severity"]) {
      expect(body).toContain(`"${field}"`);
    }
    for (const value of ["training_job", "vector_db", "bnb-nf4", "blocker"]) expect(body).toContain(`"${value}"`);
  });

  it("documents every kind of workload: the spec's parts and the stack's node pools and cost", () => {
    const body = JSON.stringify(doc);
    for (const field of ["components", "cpu_only", "requests_per_second", "data_gb", "nodes", "estimated_stack_monthly_cost_usd", "resources", "profiles", "gpu_sharing", "instance_count", "sizing_basis"]) {
      expect(body).toContain(`"${field}"`);
    }
    for (const value of ["monitoring", "pipelines", "time_slicing", "mig"]) expect(body).toContain(`"${value}"`);
  });

  it("documents sizing by speed and by the whole job: performance, job, spot cost, per-run budgets, service targets", () => {
    const body = JSON.stringify(doc);
    for (const field of [
      "performance", "decode_tokens_per_s_per_sequence", "replicas_needed", "cost_per_million_output_tokens_spot_usd", "binding_constraint",
      "job", "gpu_hours", "wall_clock_hours", "run_cost_usd", "run_cost_spot_usd", "estimated_monthly_cost_spot_usd", "budget_basis",
      "budget_per_run_usd", "dataset_examples", "avg_example_tokens", "dataset_tokens", "epochs", "target_tokens_per_s", "target_ttft_ms",
      "avg_prompt_tokens", "avg_output_tokens", "on_demand_price_per_hour_usd", "exclude_gpu_models",
    ]) {
      expect(body).toContain(`"${field}"`);
    }
    for (const value of ["throughput", "latency", "run_spot"]) expect(body).toContain(`"${value}"`);
  });
});
