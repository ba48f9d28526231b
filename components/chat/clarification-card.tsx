"use client";

import { useState } from "react";
import type { Clarification } from "@/lib/schemas/workload-spec";
import { composeAnswers } from "./answers";

/**
 * The assistant's clarifying questions. With one question an option is sent at once; with several
 * the user picks one option per question, then "Send answers".
 */
export function ClarificationCard({
  clarification,
  interactive,
  onAnswer,
}: {
  clarification: Clarification;
  interactive: boolean;
  onAnswer: (text: string) => void;
}) {
  const questions = clarification.questions ?? [];
  const [picked, setPicked] = useState<Record<string, string>>({});
  const single = questions.length === 1;
  const answered = Object.keys(picked).length;

  function choose(questionId: string, option: string) {
    if (!interactive) return;
    if (single) {
      onAnswer(option);
      return;
    }
    setPicked((p) => {
      const next = { ...p };
      if (next[questionId] === option) delete next[questionId];
      else next[questionId] = option;
      return next;
    });
  }

  return (
    <div className="rounded-xl border border-border bg-card p-4" data-testid="clarification">
      <div className="space-y-4">
        {questions.map((q, qi) => (
          <fieldset key={q.id} className="min-w-0" disabled={!interactive}>
            <legend className="mb-2 text-sm font-medium">
              {questions.length > 1 ? <span className="mr-1.5 text-muted">{qi + 1}.</span> : null}
              {q.question}
            </legend>
            <div className="flex flex-wrap gap-2">
              {q.options.map((o) => {
                const selected = picked[q.id] === o;
                return (
                  <button
                    key={o}
                    type="button"
                    data-testid="clarification-option"
                    aria-pressed={single ? undefined : selected}
                    onClick={() => choose(q.id, o)}
                    className={`rounded-full border px-3 py-1.5 text-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-60 ${
                      selected
                        ? "border-accent bg-accent text-accent-foreground"
                        : "border-border bg-background hover:border-accent hover:text-accent"
                    }`}
                  >
                    {o}
                  </button>
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
      {interactive ? (
        <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-border pt-3">
          {!single ? (
            <button
              type="button"
              data-testid="clarification-send"
              disabled={answered === 0}
              onClick={() => onAnswer(composeAnswers(questions, picked))}
              className="rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-accent-foreground transition-opacity hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-40"
            >
              Send answers{answered ? ` (${answered}/${questions.length})` : ""}
            </button>
          ) : null}
          <span className="text-xs text-muted">{single ? "Pick an option, or type your own answer below." : "Pick one option per question, or type your own answer below."}</span>
        </div>
      ) : null}
    </div>
  );
}
