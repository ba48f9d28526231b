import { ChatApp } from "@/components/chat/chat-app";

export default function Home() {
  return <ChatApp />;
}
