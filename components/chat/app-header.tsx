import type { ReactNode } from "react";
import { PlusIcon } from "@/components/ui/icons";

export function Logo() {
  return (
    <a href="/" className="flex items-center gap-2 font-semibold tracking-tight" aria-label="Stack8s home">
      <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-foreground text-[10px] font-bold text-background" aria-hidden="true">
        S8
      </span>
      <span>Stack8s</span>
    </a>
  );
}

/** Top bar: logo, optional actions (share), and "New chat" (a full load, so state resets). */
export function AppHeader({ actions, showNewChat = true }: { actions?: ReactNode; showNewChat?: boolean }) {
  return (
    <header className="sticky top-0 z-30 border-b border-border/70 bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
      <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-3 px-4">
        <Logo />
        <div className="flex items-center gap-2">
          {actions}
          {showNewChat ? (
            <a
              href="/"
              className="inline-flex items-center gap-1.5 rounded-md border border-border bg-card px-2.5 py-1.5 text-xs font-medium text-muted hover:bg-subtle hover:text-foreground"
            >
              <PlusIcon />
              New chat
            </a>
          ) : null}
        </div>
      </div>
    </header>
  );
}
