import { Document } from "yaml";

/** One or more objects as a YAML stream (`---` between documents), serialized by the yaml library. */
export function toYaml(docs: object[], comment?: string | null): string {
  return docs
    .map((o, i) => {
      const doc = new Document(o);
      if (i === 0 && comment) doc.commentBefore = ` ${comment}`;
      return doc.toString({ lineWidth: 0 });
    })
    .join("---\n");
}
