import { FileSpreadsheet } from "lucide-react";
import type { ReactNode } from "react";
import { cx } from "../lib/cx";
import { Button } from "./Button";
import "./ImportChooseFile.css";

type Props = {
  /** The button's text: "Choose a CSV file…". */
  label: string;
  testId: string;
  busy: boolean;
  onChoose: () => void;
  /** The dialog's own class, for what differs (the text's width). */
  className?: string;
  /** What the file needs to hold. */
  children: ReactNode;
};

/** An import dialog before a file is chosen: what the file needs, and the button to choose it. */
export function ImportChooseFile({ label, testId, busy, onChoose, className, children }: Props) {
  return (
    <div className={cx("import-choose-file", className)}>
      <FileSpreadsheet size={28} aria-hidden />
      <p>{children}</p>
      <Button variant="primary" onClick={onChoose} busy={busy} data-testid={testId}>
        {label}
      </Button>
    </div>
  );
}
