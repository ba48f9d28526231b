import type { Metadata } from "next";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "Stack8s API docs" };

type Op = { summary?: string; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>; security?: unknown[] };

const EXAMPLES: Record<string, string> = {
  "/api/v1/chat/start": `curl -s localhost:3000/api/v1/chat/start -H 'content-type: application/json' \\\n  -d '{"message":"Deploy Llama 3.1 8B for inference, $500/month"}'`,
  "/api/v1/chat/message": `curl -s localhost:3000/api/v1/chat/message -H 'content-type: application/json' \\\n  -H "authorization: Bearer $OWNER_TOKEN" -d '{"conversation_id":"'$ID'","message":"on AWS only"}'`,
  "/api/v1/tools/compute/search": `curl -s localhost:3000/api/v1/tools/compute/search -H 'content-type: application/json' \\\n  -d '{"min_total_gpu_memory_gb":160,"providers":["aws","gcp"],"top_k":5}'`,
  "/api/v1/tools/k8s/search": `curl -s localhost:3000/api/v1/tools/k8s/search -H 'content-type: application/json' -d '{"query":"mlflow"}'`,
  "/api/v1/tools/hf/search": `curl -s localhost:3000/api/v1/tools/hf/search -H 'content-type: application/json' \\\n  -d '{"query":"llama 3 70b instruct","task":"text-generation"}'`,
};

/** Renders the generated OpenAPI document (the same one served at /api/v1/openapi.json). */
export default function DocsPage() {
  const doc = openApiDocument() as unknown as { info: { title: string; version: string; description: string }; paths: Record<string, Record<string, Op>>; components?: { schemas?: Record<string, unknown> } };
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <a href="/" className="text-sm text-neutral-500 hover:underline">← Stack8s</a>
      <h1 className="mt-2 text-3xl font-semibold">{doc.info.title} <span className="text-base font-normal text-neutral-500">v{doc.info.version}</span></h1>
      <p className="mt-2 text-neutral-600 dark:text-neutral-400">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        Machine-readable: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1, generated from the zod schemas the routes validate with).
        Errors are always <code>{"{ error: { code, message, details[] } }"}</code>.
      </p>
      {Object.entries(doc.paths).map(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => (
          <section key={`${method} ${path}`} className="mt-8 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800" data-testid="docs-endpoint">
            <h2 className="font-mono text-lg">
              <span className="mr-2 rounded bg-neutral-900 px-2 py-0.5 text-sm text-white dark:bg-neutral-100 dark:text-neutral-900">{method.toUpperCase()}</span>
              {path}
            </h2>
            <p className="mt-1 text-neutral-600 dark:text-neutral-400">{op.summary}{op.security ? " — needs the owner token" : ""}</p>
            {EXAMPLES[path] && <pre className="mt-3 overflow-x-auto rounded bg-neutral-100 p-3 text-xs dark:bg-neutral-900">{EXAMPLES[path]}</pre>}
            {op.requestBody && <SchemaBlock title="Request body" schema={op.requestBody.content["application/json"]?.schema} components={doc.components?.schemas} />}
            <div className="mt-3 text-sm">
              {Object.entries(op.responses).map(([code, r]) => (
                <div key={code} className="mt-1">
                  <span className="font-mono font-semibold">{code}</span> {r.description}
                  {code.startsWith("2") && r.content && <SchemaBlock title={`Response (${Object.keys(r.content).join(", ")})`} schema={(r.content["application/json"] ?? Object.values(r.content)[0])?.schema} components={doc.components?.schemas} />}
                </div>
              ))}
            </div>
          </section>
        )),
      )}
    </main>
  );
}

function SchemaBlock({ title, schema, components }: { title: string; schema: unknown; components?: Record<string, unknown> }) {
  const ref = (schema as { $ref?: string })?.$ref;
  const resolved = ref && components ? components[ref.split("/").pop()!] : schema;
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium">{title}{ref ? ` (${ref.split("/").pop()})` : ""}</summary>
      <pre className="mt-2 max-h-96 overflow-auto rounded bg-neutral-100 p-3 text-xs dark:bg-neutral-900">{JSON.stringify(resolved, null, 2)}</pre>
    </details>
  );
}
