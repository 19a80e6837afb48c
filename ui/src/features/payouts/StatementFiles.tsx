import { ExternalLink, FolderOpen } from "lucide-react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { fileName, formatCount } from "../../lib/format";
import { useFileActions } from "../files/useFileActions";

/** How many statements are listed by name; the rest are counted. */
export const STATEMENT_FILES_SHOWN = 20;

/** The statements just written, each with Open, and one Show in folder. */
export function StatementFiles({ paths }: { paths: string[] }) {
  const files = useFileActions();
  if (paths.length === 0) return null;
  const shown = paths.slice(0, STATEMENT_FILES_SHOWN);
  const more = paths.length - shown.length;

  return (
    <>
      <ul className="po-file-list" aria-label="Statements written">
        {shown.map((path) => (
          <li key={path} data-testid="payout-statement-file">
            <span className="po-export-name" title={path}>
              {fileName(path)}
            </span>
            <Button size="sm" variant="ghost" icon={<ExternalLink size={13} />} onClick={() => files.open(path)} aria-label={`Open ${fileName(path)}`}>
              Open
            </Button>
          </li>
        ))}
      </ul>
      <div className="po-file-actions">
        {more > 0 && (
          <span className="muted" data-testid="payout-statement-more">
            and {formatCount(more)} more
          </span>
        )}
        <Button size="sm" icon={<FolderOpen size={14} />} onClick={() => files.reveal(paths[0])} data-testid="payout-statements-reveal">
          Show in folder
        </Button>
      </div>
      {files.error && (
        <Banner testId="payout-statements-file-error" onDismiss={files.dismiss}>
          {files.error}
        </Banner>
      )}
    </>
  );
}
