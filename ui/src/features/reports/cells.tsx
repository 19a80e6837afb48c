import { FileBarChart } from "lucide-react";
import type { Money } from "../../bindings/Money";
import { EmptyState } from "../../components/EmptyState";
import { formatMoney } from "../../lib/moneyDisplay";

/** A report with nothing in it, said plainly. */
export function Empty({ title = "Nothing in these days", text }: { title?: string; text: string }) {
  return (
    <EmptyState icon={<FileBarChart size={22} />} title={title}>
      {text}
    </EmptyState>
  );
}

/** Amounts in several currencies, one currency a line; "—" for none. */
export function MoneyLines({ amounts }: { amounts: Money[] }) {
  if (amounts.length === 0) return <span className="ltable-dim">—</span>;
  return (
    <>
      {amounts.map((m) => (
        <span key={m.currency} className="reports-line">
          {formatMoney(m)}
        </span>
      ))}
    </>
  );
}
