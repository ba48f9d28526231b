/** Shown instead of the composer to someone who does not own the conversation. */
export function ReadonlyNotice() {
  return (
    <div
      className="flex items-center justify-between gap-3 rounded-2xl border border-border bg-card px-4 py-2.5 text-sm shadow-sm"
      data-testid="readonly-notice"
      role="status"
    >
      <span className="text-muted">
        <span className="font-medium text-foreground">Shared conversation — read only.</span>
        <span className="hidden sm:inline"> Only its owner can continue it.</span>
      </span>
      <a
        href="/"
        className="shrink-0 rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-accent-foreground hover:opacity-90"
        data-testid="start-own"
      >
        Start your own
      </a>
    </div>
  );
}
