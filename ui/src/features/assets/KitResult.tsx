import { CheckCircle2, ExternalLink, FolderOpen } from "lucide-react";
import type { KitReport } from "../../bindings/KitReport";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { fileName, plural } from "../../lib/format";
import { useFileActions } from "../files/useFileActions";
import { formatBytes } from "./labels";

/** The kit just written, with Open and Show in folder. */
export function KitResult({ report }: { report: KitReport }) {
  const files = useFileActions();
  return (
    <div className="as-kit-result" role="status" data-testid="kit-result">
      <p className="as-kit-done">
        <CheckCircle2 size={16} aria-hidden /> Wrote {fileName(report.path)}: {plural(report.files, "file")} for {plural(report.partners, "partner")} ({formatBytes(report.bytes)}).
      </p>
      <div className="as-kit-actions">
        <Button size="sm" icon={<ExternalLink size={13} />} onClick={() => files.open(report.path)} data-testid="kit-open">
          Open
        </Button>
        <Button size="sm" icon={<FolderOpen size={14} />} onClick={() => files.reveal(report.path)} data-testid="kit-reveal">
          Show in folder
        </Button>
      </div>
      {files.error && (
        <Banner onDismiss={files.dismiss} testId="kit-file-error">
          {files.error}
        </Banner>
      )}
    </div>
  );
}
