import { Document } from "yaml";

/** One or more objects as a YAML stream (`---` between documents), serialized by the yaml library. */
export function toYaml(docs: object[]): string {
  return docs.map((o) => new Document(o).toString({ lineWidth: 0 })).join("---\n");
}
