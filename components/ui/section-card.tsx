import type { ReactNode } from "react";

/** A titled card: one section of the plan. */
export function SectionCard({
  title,
  icon,
  aside,
  children,
  className = "",
  testId,
  id,
}: {
  title: string;
  icon?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className={`rounded-xl border border-border bg-card shadow-[0_1px_2px_rgba(0,0,0,0.04)] ${className}`}
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-4 py-2.5">
        <h3 id={headingId} className="flex items-center gap-2 text-sm font-semibold tracking-tight">
          {icon ? <span className="text-accent">{icon}</span> : null}
          {title}
        </h3>
        {aside ? <div className="flex items-center gap-2">{aside}</div> : null}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
