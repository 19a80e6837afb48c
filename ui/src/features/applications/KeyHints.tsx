const HINTS: { keys: string[]; what: string }[] = [
  { keys: ["j", "k"], what: "move" },
  { keys: ["a"], what: "approve" },
  { keys: ["r"], what: "reject" },
  { keys: ["x"], what: "tick" },
  { keys: ["Esc"], what: "close" },
];

/** The queue's shortcuts, always in sight. */
export function KeyHints() {
  return (
    <p className="ap-keys" aria-label="Keyboard shortcuts" data-testid="applications-keys">
      {HINTS.map((h, i) => (
        <span key={h.what}>
          {i > 0 && " · "}
          {h.keys.map((k, j) => (
            <span key={k} className="ap-key">
              {j > 0 && "/"}
              <kbd>{k}</kbd>
            </span>
          ))}{" "}
          {h.what}
        </span>
      ))}
    </p>
  );
}
