/** The last thing the queue did, shown in a banner under the header. */
export type Outcome = {
  kind: "success" | "error" | "info";
  text: string;
  /** Emails were queued: offer the Email screen. */
  emails?: boolean;
  testId: string;
};
