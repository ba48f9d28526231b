"use client";

import { useId, useMemo, useState } from "react";
import type { Artifact } from "@/lib/schemas/artifacts";
import { CopyButton } from "@/components/ui/copy-button";
import { BoxIcon, DownloadIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";
import { filesZip, saveAs } from "./files-zip";
import { highlightFile } from "./highlight";

/** Where the stored plan's files download from (absent while the answer is still streaming). */
export interface PlanLinks {
  conversationId: string;
  messageId: string;
}

const base = (l: PlanLinks) => `/api/v1/chat/${l.conversationId}/messages/${l.messageId}`;

/** The plan's deployment files: a tab per file, highlighted, with copy, download and "Download all" (zip). */
export function DeploySection({ files, links }: { files: Artifact[]; links?: PlanLinks }) {
  const [active, setActive] = useState(0);
  const tabsId = useId();
  const file = files[Math.min(active, files.length - 1)];
  const html = useMemo(() => (file ? highlightFile(file.content, file.media_type) : ""), [file]);
  if (!file) return null;
  const download = () => saveAs(file.content, file.filename, file.media_type);
  return (
    <SectionCard
      title="Deploy"
      icon={<BoxIcon className="h-4 w-4" />}
      testId="plan-deploy"
      id={`${tabsId}-deploy`}
      aside={
        <div className="flex items-center gap-2 text-xs">
          {links ? (
            <>
              <a className="text-muted hover:text-accent hover:underline" href={`${base(links)}/plan.md`} download="plan.md" data-testid="deploy-plan-md">plan.md</a>
              <a className="text-muted hover:text-accent hover:underline" href={`${base(links)}/plan.json`} download="plan.json" data-testid="deploy-plan-json">plan.json</a>
            </>
          ) : null}
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md border border-border px-2 py-1 font-medium hover:bg-code"
            onClick={() => saveAs(filesZip(files) as BlobPart, "stack8s-deploy.zip", "application/zip")}
            data-testid="deploy-download-all"
          >
            <DownloadIcon className="h-3.5 w-3.5" /> Download all
          </button>
        </div>
      }
    >
      <div role="tablist" aria-label="Deployment files" className="flex flex-wrap gap-1 border-b border-border px-3 pt-2">
        {files.map((f, i) => (
          <button
            key={f.id}
            type="button"
            role="tab"
            id={`${tabsId}-tab-${i}`}
            aria-selected={f === file}
            aria-controls={`${tabsId}-panel`}
            onClick={() => setActive(i)}
            className={`rounded-t-md px-2.5 py-1 font-mono text-xs ${f === file ? "border border-b-0 border-border bg-code font-semibold" : "text-muted hover:text-foreground"}`}
            data-testid="deploy-tab"
          >
            {f.filename}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-tab-${files.indexOf(file)}`} className="space-y-2 p-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-muted" data-testid="deploy-description">{file.description}</p>
          <div className="flex items-center gap-2">
            <CopyButton text={file.content} ariaLabel={`Copy ${file.filename}`} testId="deploy-copy" />
            {links ? (
              <a
                className="inline-flex items-center gap-1 rounded-md border border-border px-2 py-1 text-xs font-medium hover:bg-code"
                href={`${base(links)}/artifacts/${encodeURIComponent(file.filename)}`}
                download={file.filename}
                data-testid="deploy-download"
              >
                <DownloadIcon className="h-3.5 w-3.5" /> Download
              </a>
            ) : (
              <button type="button" onClick={download} className="inline-flex items-center gap-1 rounded-md border border-border px-2 py-1 text-xs font-medium hover:bg-code" data-testid="deploy-download">
                <DownloadIcon className="h-3.5 w-3.5" /> Download
              </button>
            )}
          </div>
        </div>
        <pre className="hljs max-h-[28rem] overflow-auto rounded-lg border border-border bg-code p-3 font-mono text-[12.5px] leading-5" data-testid="deploy-code">
          <code dangerouslySetInnerHTML={{ __html: html }} />
        </pre>
      </div>
    </SectionCard>
  );
}
