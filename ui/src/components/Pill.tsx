import type { ReactNode } from "react";
import "./StatusPill.css";
import "./Pill.css";

export type PillTone = "grey" | "blue" | "indigo" | "green" | "amber" | "red" | "violet" | "muted";

type Props = { tone: PillTone; dot?: boolean; title?: string; testId?: string; children: ReactNode };

/** A small rounded label in one of the state colours (like StatusPill, for any value). */
export function Pill({ tone, dot, title, testId, children }: Props) {
  return (
    <span className={`pill pill-tone-${tone}`} title={title} data-testid={testId}>
      {dot && <span className="pill-dot" aria-hidden />}
      {children}
    </span>
  );
}
