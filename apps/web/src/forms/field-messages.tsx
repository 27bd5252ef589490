/** Field-level error messages under an input; the id lets the input point at them (aria-describedby). */
export function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-error" data-testid="field-error">
      {messages.join(' ')}
    </p>
  );
}
