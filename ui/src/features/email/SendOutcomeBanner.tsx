import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { sendReportText, unknownText } from "./labels";
import type { SendOutcome } from "./useOutboxSend";

type Props = { outcome: SendOutcome; onDismiss: () => void; onShowUnknown: () => void };

/** What a send did; messages whose fate is unknown get a warning of their own. */
export function SendOutcomeBanner({ outcome, onDismiss, onShowUnknown }: Props) {
  if (!("report" in outcome)) {
    return (
      <Banner kind={outcome.kind} testId="outbox-send-report" onDismiss={onDismiss}>
        {outcome.text}
      </Banner>
    );
  }
  const r = outcome.report;
  return (
    <>
      <Banner kind={r.failed > 0 ? "info" : "success"} testId="outbox-send-report" onDismiss={onDismiss}>
        {sendReportText(r)}.{r.failed > 0 && " The server refused the failed ones: retry or cancel them under Failed."}
      </Banner>
      {r.unknown > 0 && (
        <Banner kind="warning" testId="outbox-send-unknown">
          {unknownText(r.unknown)}{" "}
          <Button variant="link" size="sm" onClick={onShowUnknown} data-testid="outbox-show-unknown">
            Show them
          </Button>
        </Banner>
      )}
    </>
  );
}
