import { useState } from "react";
import type { SendReport } from "../../bindings/SendReport";
import { describeError, isCancelled, toAppError } from "../../lib/errors";
import { useProgressJob } from "../../lib/useProgressJob";
import { mailApi } from "./api";
import { usePasswordPrompt } from "./PasswordPrompt";

export type SendOutcome = { report: SendReport } | { kind: "error" | "info"; text: string };

/**
 * "Send now": asks for the password when the server has a user and none is
 * saved, sends what is due with progress and Cancel, and keeps what came of
 * it. `onDone` runs after every attempt, so the outbox is read again.
 */
export function useOutboxSend(onDone: () => void) {
  const { job, run, cancel } = useProgressJob(mailApi.cancelJob);
  const { withPassword, dialog } = usePasswordPrompt();
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [starting, setStarting] = useState(false);

  const sendWith = async (password: string | null) => {
    try {
      setOutcome({ report: await run("Sending email", (onProgress) => mailApi.send(password, onProgress)) });
    } catch (e) {
      setOutcome(
        isCancelled(e)
          ? { kind: "info", text: "Cancelled: the messages not sent yet stay in the outbox." }
          : { kind: "error", text: describeError(toAppError(e)) },
      );
    } finally {
      onDone();
    }
  };

  const start = async () => {
    setOutcome(null);
    setStarting(true);
    try {
      await withPassword(await mailApi.settings(), (password) => void sendWith(password));
    } catch (e) {
      setOutcome({ kind: "error", text: describeError(toAppError(e)) });
    } finally {
      setStarting(false);
    }
  };

  return { job, cancel, start, busy: starting || job !== null, outcome, dismiss: () => setOutcome(null), dialog };
}
