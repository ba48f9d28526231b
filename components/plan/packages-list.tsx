"use client";

import { useState } from "react";
import type { PackageOption } from "@/lib/schemas/plan";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { BoxIcon, StarIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";
import { formatCount } from "./format";

const INITIAL = 5;

/** "helm repo add … && helm install …" shown one command per line (the copy button copies the original). */
export function commandLines(cmd: string): string[] {
  return cmd.split(/\s+&&\s+/).filter(Boolean);
}

function PackageItem({ p }: { p: PackageOption }) {
  return (
    <li className="py-3" data-testid="plan-package">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-semibold">{p.name}</span>
        <span className="text-sm text-muted">
          {p.repository_url ? (
            <a href={p.repository_url} target="_blank" rel="noopener noreferrer" className="hover:text-accent hover:underline">
              {p.repository}
            </a>
          ) : (
            p.repository
          )}
        </span>
        <Badge title={p.app_version ? `App version ${p.app_version}` : undefined}>v{p.version.replace(/^v/, "")}</Badge>
        {p.official ? <Badge tone="success">Official</Badge> : null}
        {p.deprecated ? <Badge tone="danger">Deprecated</Badge> : null}
        {p.stars != null ? (
          <span className="inline-flex items-center gap-1 text-xs text-muted tabular-nums" title="Stars on Artifact Hub">
            <StarIcon className="h-3.5 w-3.5" />
            <span className="sr-only">Stars:</span>
            {formatCount(p.stars)}
          </span>
        ) : null}
      </div>
      {p.description ? <p className="mt-1 line-clamp-2 text-sm text-muted">{p.description}</p> : null}
      <div className="mt-2 flex items-start gap-2 rounded-lg border border-border bg-code py-1.5 pl-3 pr-1.5">
        <code className="min-w-0 flex-1 overflow-x-auto py-0.5 font-mono text-[12.5px] leading-5 [overflow-wrap:anywhere]" data-testid="plan-package-install">
          {commandLines(p.install_command).map((line, i, all) => (
            <span key={i} className={i > 0 ? "block pl-4" : "block"}>
              {line}
              {i < all.length - 1 ? " &&\n" : ""}
            </span>
          ))}
        </code>
        <CopyButton text={p.install_command} ariaLabel={`Copy install command for ${p.name}`} className="shrink-0" />
      </div>
    </li>
  );
}

/** Helm charts with install commands; the long tail is behind "Show more". */
export function PackagesList({ packages }: { packages: PackageOption[] }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? packages : packages.slice(0, INITIAL);
  return (
    <SectionCard title="Helm charts" icon={<BoxIcon />} testId="plan-packages" id="plan-packages" aside={<span className="text-xs text-muted">{packages.length} found</span>}>
      {packages.length === 0 ? (
        <p className="text-sm text-muted">No matching Helm chart found in the catalog.</p>
      ) : (
        <>
          <ul className="-my-3 divide-y divide-border">
            {shown.map((p) => (
              <PackageItem key={`${p.repository}/${p.name}`} p={p} />
            ))}
          </ul>
          {packages.length > INITIAL ? (
            <button
              type="button"
              onClick={() => setExpanded((e) => !e)}
              aria-expanded={expanded}
              className="mt-3 text-sm font-medium text-accent hover:underline"
            >
              {expanded ? "Show fewer" : `Show ${packages.length - INITIAL} more`}
            </button>
          ) : null}
        </>
      )}
    </SectionCard>
  );
}
