import { ArrowRight } from "lucide-react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import type { Outcome } from "./outcome";

type Props = { outcome: Outcome; onDismiss: () => void; onOpenEmail?: () => void };

/** What the last import, screening or decision did; queued emails point to the Email screen. */
export function OutcomeBanner({ outcome, onDismiss, onOpenEmail }: Props) {
  return (
    <Banner kind={outcome.kind} testId={outcome.testId} onDismiss={onDismiss}>
      {outcome.text}
      {outcome.emails &&
        (onOpenEmail ? (
          <>
            {" — "}
            <Button variant="link" size="sm" icon={<ArrowRight size={13} />} onClick={onOpenEmail} data-testid="applications-open-email">
              send them from Email
            </Button>
          </>
        ) : (
          " — send them from Email."
        ))}
    </Banner>
  );
}
