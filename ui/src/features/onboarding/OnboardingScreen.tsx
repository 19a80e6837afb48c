import { ArrowRight, ListChecks } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import type { TermsVersion } from "../../bindings/TermsVersion";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { onboardingApi } from "./api";
import { ChecklistPanel } from "./ChecklistPanel";
import { remindText } from "./labels";
import { OnboardingBoard } from "./OnboardingBoard";
import { OnboardingHeader } from "./OnboardingHeader";
import { RemindDialog } from "./RemindDialog";
import { TermsDialog } from "./TermsDialog";
import "./onboarding.css";

type Props = {
  /** Opens the Email screen, where queued reminders are sent. */
  onOpenEmail?: () => void;
};

type Reminded = { count: number };

/** The board of approved partners still onboarding, by the step they are stuck on. */
export function OnboardingScreen({ onOpenEmail }: Props) {
  const toast = useToast();
  const [showAll, setShowAll] = useState(false);
  const [version, setVersion] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // The partner the panel shows; kept when a change takes them off the board.
  const [shown, setShown] = useState<OnboardingRow | null>(null);
  const [reminding, setReminding] = useState(false);
  const [termsOpen, setTermsOpen] = useState(false);
  const [reminded, setReminded] = useState<Reminded | null>(null);

  const list = useFetched(`onboarding:${showAll}:${version}`, () => onboardingApi.list(showAll));
  const terms = useFetched(`terms:${version}`, onboardingApi.terms);
  const rows = list.data;
  const slow = useDelayed(rows === null && list.loading, 300);

  // A reload brings the shown partner's new checklist.
  useEffect(() => {
    if (!rows) return;
    setShown((s) => (s ? (rows.find((r) => r.partner_id === s.partner_id) ?? s) : s));
  }, [rows]);

  const select = useCallback(
    (id: number) => {
      setSelectedId(id);
      setShown(rows?.find((r) => r.partner_id === id) ?? null);
    },
    [rows],
  );

  const close = () => {
    setSelectedId(null);
    setShown(null);
  };

  const saved = useCallback(
    (row: OnboardingRow, what: string) => {
      setShown(row);
      toast.success(`${what} for ${row.name}.`);
      setVersion((v) => v + 1);
    },
    [toast],
  );

  const published = (t: TermsVersion) => {
    setTermsOpen(false);
    toast.success(`Terms ${t.version} published. Partners on older versions now appear under Terms.`);
    setVersion((v) => v + 1);
  };

  const waiting = rows === null ? null : rows.filter((r) => !r.complete).length;

  return (
    <div className="screen ob-screen" data-testid="onboarding-screen">
      <OnboardingHeader
        waiting={waiting}
        showAll={showAll}
        onShowAll={setShowAll}
        onRemind={() => setReminding(true)}
        onTerms={() => setTermsOpen(true)}
      />
      {reminded && (
        <div className="ob-banner">
          <Banner kind={reminded.count > 0 ? "success" : "info"} testId="onboarding-remind-result" onDismiss={() => setReminded(null)}>
            {remindText(reminded.count)}
            {reminded.count > 0 &&
              (onOpenEmail ? (
                <>
                  {" — "}
                  <Button variant="link" size="sm" icon={<ArrowRight size={13} />} onClick={onOpenEmail} data-testid="onboarding-open-email">
                    send them from Email
                  </Button>
                </>
              ) : (
                "; send them from Email."
              ))}
          </Banner>
        </div>
      )}
      {list.error && (
        <div className="ob-banner">
          <RetryBanner error={list.error} onRetry={list.reload} />
        </div>
      )}
      <div className="ob-body">
        <div className="ob-main" aria-busy={list.loading || undefined}>
          {rows === null ? (
            <div className="ob-center">{slow && <Spinner size={20} label="Loading the board" />}</div>
          ) : rows.length === 0 ? (
            <div className="ob-center" data-testid="onboarding-empty">
              <EmptyState icon={<ListChecks size={20} />} title={showAll ? "No active partners yet" : "Everyone is set up"}>
                {showAll
                  ? "Partners appear here once they are approved."
                  : "Every active partner accepted the terms, gave a tax form and payout details, and got the welcome kit."}
              </EmptyState>
            </div>
          ) : (
            <OnboardingBoard rows={rows} showDone={showAll} selectedId={selectedId} onSelect={select} />
          )}
        </div>
        {shown && (
          <ChecklistPanel
            key={shown.partner_id}
            row={shown}
            terms={terms.data}
            onSaved={saved}
            onClose={close}
            onOpenTerms={() => setTermsOpen(true)}
          />
        )}
      </div>
      {reminding && (
        <RemindDialog
          onClose={() => setReminding(false)}
          onQueued={(count) => {
            setReminding(false);
            setReminded({ count });
            setVersion((v) => v + 1);
          }}
        />
      )}
      {termsOpen && <TermsDialog terms={terms} onClose={() => setTermsOpen(false)} onPublished={published} />}
    </div>
  );
}
