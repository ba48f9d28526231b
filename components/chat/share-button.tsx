"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { ShareIcon } from "@/components/ui/icons";

/** Copies the absolute share URL of a conversation. */
export function ShareButton({ conversationId }: { conversationId: string }) {
  return (
    <CopyButton
      text={() => new URL(`/c/${conversationId}`, window.location.origin).toString()}
      label="Share"
      ariaLabel="Copy share link"
      icon={<ShareIcon />}
      testId="share-button"
      className="!px-2.5 !py-1.5"
    />
  );
}
