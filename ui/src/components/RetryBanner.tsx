import type { AppError } from "../lib/errors";
import { describeError } from "../lib/errors";
import { Banner } from "./Banner";
import { Button } from "./Button";

/** Why something could not be read, with Try again. */
export function RetryBanner({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  return (
    <Banner>
      {describeError(error)}{" "}
      <Button variant="link" size="sm" onClick={onRetry}>
        Try again
      </Button>
    </Banner>
  );
}
