import type { Metadata } from "next";
import { ConversationView } from "@/components/chat/conversation-view";

export const metadata: Metadata = {
  title: "Conversation — Stack8s",
};

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ConversationView key={id} id={id} />;
}
