import { Inbox, SearchX, Upload } from "lucide-react";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import type { StatusFilter } from "./query";

type Props = { status: StatusFilter; filtered: boolean; onClear: () => void; onImport: () => void };

export function ApplicationsEmpty({ status, filtered, onClear, onImport }: Props) {
  return (
    <div className="ap-center" data-testid="applications-empty">
      {filtered ? (
        <EmptyState icon={<SearchX size={20} />} title="No applications match" actions={<Button onClick={onClear}>Clear filters</Button>}>
          Try another score range or check, or clear the filters.
        </EmptyState>
      ) : status === "pending" ? (
        <EmptyState
          icon={<Inbox size={20} />}
          title="Nothing to review"
          actions={
            <Button icon={<Upload size={15} />} onClick={onImport}>
              Import form export…
            </Button>
          }
        >
          New applications appear here when you import your signup form's export (CSV or JSON) or add one by hand.
        </EmptyState>
      ) : (
        <EmptyState icon={<Inbox size={20} />} title={status === "all" ? "No applications yet" : `No ${status} applications`}>
          Applications you decide stay here with their reason and date.
        </EmptyState>
      )}
    </div>
  );
}
