/** The user's message, as a right-aligned bubble. */
export function UserMessage({ content }: { content: string }) {
  return (
    <div className="flex justify-end" data-testid="message-user">
      <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-accent px-4 py-2.5 text-[15px] leading-relaxed text-accent-foreground sm:max-w-[75%]">
        <span className="sr-only">You: </span>
        {content}
      </div>
    </div>
  );
}
