import { Alert } from "~/components/ui/alert";

/** Problems the server reported that belong to no single field. */
export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert tone="error" title="Could not save" className="mb-5">
      <ul className="list-inside list-disc">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </Alert>
  );
}
