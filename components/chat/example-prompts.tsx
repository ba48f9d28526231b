export const EXAMPLE_PROMPTS = [
  "Deploy Llama 3.1 70B for inference",
  "Train object detection, $3000/mo, 2x24GB GPUs",
  "Fine-tune Mistral 7B with QLoRA on a budget",
  "Serve Stable Diffusion XL for 20 concurrent users",
  "Transcribe audio in batch with Whisper large-v3",
  "I need some GPUs",
];

/** Clickable starting points; a click sends the prompt. */
export function ExamplePrompts({ onPick, disabled }: { onPick: (prompt: string) => void; disabled?: boolean }) {
  return (
    <ul className="flex flex-wrap justify-center gap-2" aria-label="Example requests">
      {EXAMPLE_PROMPTS.map((p) => (
        <li key={p}>
          <button
            type="button"
            data-testid="example-prompt"
            disabled={disabled}
            onClick={() => onPick(p)}
            className="rounded-full border border-border bg-card px-3.5 py-1.5 text-sm text-muted shadow-sm transition-colors hover:border-accent/60 hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-50"
          >
            {p}
          </button>
        </li>
      ))}
    </ul>
  );
}
