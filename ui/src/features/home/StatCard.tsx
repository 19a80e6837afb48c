import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import type { Change } from "./change";

/**
 * plain: a key number. calm: nothing waiting. info: money on its way.
 * warn: people waiting on the manager. alert: something failed or is held.
 */
export type CardTone = "plain" | "calm" | "info" | "warn" | "alert";

type Props = {
  testId: string;
  label: string;
  icon?: ReactNode;
  /** The value, one line per currency. */
  children: ReactNode;
  sub?: ReactNode;
  /** "vs Oct 2026", "through Nov 22, 2026". */
  foot?: ReactNode;
  tone?: CardTone;
  busy?: boolean;
  /** What a click opens, said on hover. */
  title: string;
  onOpen: () => void;
};

/** A number on the home screen; a click opens the list behind it. */
export function StatCard({ testId, label, icon, children, sub, foot, tone = "plain", busy, title, onOpen }: Props) {
  return (
    <button
      type="button"
      className={cx("home-card", `home-card-${tone}`)}
      onClick={onOpen}
      title={title}
      aria-busy={busy || undefined}
      data-testid={testId}
      data-tone={tone}
    >
      <span className="home-card-label">
        {icon}
        {label}
      </span>
      <span className="home-card-lines">{children}</span>
      {sub && <span className="home-card-sub">{sub}</span>}
      {foot && <span className="home-card-foot">{foot}</span>}
    </button>
  );
}

/** One value of a card, with its change beside it. */
export function ValueLine({ text, change, testId }: { text: string; change?: Change; testId?: string }) {
  return (
    <span className="home-value" data-testid={testId}>
      <span className="home-value-num num">{text}</span>
      {change && <ChangeBadge change={change} />}
    </span>
  );
}

export function ChangeBadge({ change }: { change: Change }) {
  const Icon = change.direction === "up" ? ArrowUpRight : change.direction === "down" ? ArrowDownRight : Minus;
  return (
    <span className={cx("home-change num", `home-change-${change.tone}`)} data-direction={change.direction}>
      <Icon size={13} aria-hidden />
      {change.text}
    </span>
  );
}

/** A value still being counted. */
export function Pending() {
  return <span className="home-value-pending" aria-label="Counting" />;
}
