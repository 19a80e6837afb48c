import { CheckCircle2, Circle } from "lucide-react";
import type { Setup } from "../../bindings/Setup";
import { Button } from "../../components/Button";
import { cx } from "../../lib/cx";
import { plural } from "../../lib/format";
import type { Navigate } from "../shell/navigation";

/** A book without partners or without sales has nothing to chart yet. */
export function isNewBook(setup: Setup): boolean {
  return setup.partners === 0 || setup.sales === 0;
}

type Step = { key: string; title: string; text: string; done: boolean; doneText: string; action: string; open: () => void };

/** The first steps of a new book, each with where it is done. */
export function GetStarted({ setup, onNavigate }: { setup: Setup; onNavigate: Navigate }) {
  const steps: Step[] = [
    {
      key: "partners",
      title: "Add or import partners",
      text: "Bring your partners in from a CSV (names, emails, codes and coupons), or add them one by one.",
      done: setup.partners > 0,
      doneText: `${plural(setup.partners, "partner")} in the book`,
      action: "Import partners…",
      open: () => onNavigate("partners", { import: true }),
    },
    {
      key: "sales",
      title: "Import sales",
      text: "Import a payments or orders export (Stripe, Shopify, PayPal or any CSV): each sale is matched to its partner.",
      done: setup.sales > 0,
      doneText: `${plural(setup.sales, "sale")} recorded`,
      action: "Import sales…",
      open: () => onNavigate("conversions", { import: true }),
    },
    {
      key: "plan",
      title: "Set a commission plan",
      text: "Say what partners earn: a rate, tiers, bonuses, and for how long.",
      done: setup.plan_set,
      doneText: "A plan is set",
      action: "Open Plans",
      open: () => onNavigate("plans"),
    },
  ];
  const next = steps.find((s) => !s.done)?.key;
  return (
    <section className="home-start" aria-labelledby="home-start-title" data-testid="home-get-started">
      <h2 id="home-start-title">Get started</h2>
      <p className="muted">The charts fill in once the book has partners and their sales.</p>
      <ol className="home-steps">
        {steps.map((s) => (
          <li key={s.key} className={cx("home-step", s.done && "home-step-done")} data-testid={`home-step-${s.key}`} data-done={s.done}>
            <span className="home-step-mark" aria-hidden>
              {s.done ? <CheckCircle2 size={18} /> : <Circle size={18} />}
            </span>
            <span className="home-step-text">
              <strong>{s.title}</strong>
              <span className="muted">{s.done ? s.doneText : s.text}</span>
            </span>
            <Button variant={s.key === next ? "primary" : "secondary"} size="sm" onClick={s.open} data-testid={`home-step-${s.key}-open`}>
              {s.action}
            </Button>
            <span className="visually-hidden">{s.done ? "Done" : "To do"}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
