import type { UiText } from "@ory/client-fetch";
import { Notice } from "@/components/ui/Notice";

function kindOf(t: UiText) {
  return t.type === "error" ? "error" : t.type === "success" ? "success" : "info";
}

/** Kratos flow-level messages. The wrapper is a live region so late changes are read out. */
export function Messages({ messages }: { messages: UiText[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="flow-messages">
      {messages.map((m, i) => (
        <Notice key={`${m.id}-${i}`} kind={kindOf(m)}>
          <span data-message-id={m.id}>{m.text}</span>
        </Notice>
      ))}
    </div>
  );
}
