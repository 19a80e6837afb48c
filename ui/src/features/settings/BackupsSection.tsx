import { ArchiveRestore, DatabaseBackup } from "lucide-react";
import { useState } from "react";
import type { BackupInfo } from "../../bindings/BackupInfo";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { useToast } from "../../components/Toast";
import { describeError, toAppError } from "../../lib/errors";
import { fileName, formatCount, formatDateTime } from "../../lib/format";
import { useFetched } from "../../lib/useFetched";
import { backupsApi } from "./api";
import { SettingsSection } from "./SettingsSection";

const REASONS: Record<string, string> = {
  daily: "Daily",
  "before-import": "Before an import",
  "before-restore": "Before a restore",
  "by-hand": "By hand",
};

/** Why a backup was made, in words. */
export function reasonLabel(reason: string): string {
  return REASONS[reason] ?? reason.replace(/-/g, " ");
}

/** The rotating backups beside the book: make one now, or restore one. */
export function BackupsSection({ onRestored }: { onRestored: () => void }) {
  const toast = useToast();
  const [version, setVersion] = useState(0);
  const list = useFetched(`backups:${version}`, () => backupsApi.list());
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const create = async () => {
    setBusy(true);
    try {
      const b = await backupsApi.create();
      toast.success(`Backed up to ${fileName(b.path)}.`);
      setVersion((v) => v + 1);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (b: BackupInfo) => {
    setBusy(true);
    setFailure(null);
    try {
      const before = await backupsApi.restore(b.path);
      toast.success(`Restored the backup of ${formatDateTime(b.created_at)}; the book as it was is kept as ${fileName(before.path)}.`);
      setRestoring(null);
      setVersion((v) => v + 1);
      onRestored();
    } catch (e) {
      setFailure(describeError(toAppError(e)));
    } finally {
      setBusy(false);
    }
  };

  const backups = list.data ?? [];
  return (
    <div className="settings-form">
      <SettingsSection
        title="Backups"
        description="A copy of the book is made each day you use it and before every import, in a folder beside the book; older ones are thinned out to one a day for a week, a week for a month, a month for a year."
        testId="settings-backups"
      >
        <div className="settings-backups">
          <Button icon={<DatabaseBackup size={15} />} busy={busy && !restoring} onClick={() => void create()} data-testid="backup-create">
            Back up now
          </Button>
          {list.error && <Banner>{describeError(list.error)}</Banner>}
          {backups.length === 0 ? (
            <p className="muted">No backups yet.</p>
          ) : (
            <ul className="settings-backup-list" data-testid="backup-list">
              {backups.map((b) => (
                <li key={b.path} data-testid="backup-row">
                  <span className="num">{formatDateTime(b.created_at)}</span>
                  <span>{reasonLabel(b.reason)}</span>
                  <span className="muted num">{formatCount(Math.ceil(b.bytes / 1024))} KB</span>
                  <Button size="sm" variant="ghost" icon={<ArchiveRestore size={14} />} onClick={() => setRestoring(b)} data-testid="backup-restore">
                    Restore…
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {restoring && (
          <Dialog
            title="Restore this backup?"
            onClose={() => (busy ? undefined : setRestoring(null))}
            testId="backup-restore-dialog"
            footer={
              <>
                <Button onClick={() => setRestoring(null)} disabled={busy}>
                  Cancel
                </Button>
                <Button variant="danger" busy={busy} onClick={() => void restore(restoring)} data-testid="backup-restore-confirm">
                  Restore
                </Button>
              </>
            }
          >
            {failure && <Banner>{failure}</Banner>}
            <p>
              The book goes back to how it was on {formatDateTime(restoring.created_at)} ({reasonLabel(restoring.reason).toLowerCase()}). Everything
              since then leaves the book, but not for good: the book as it is now is backed up first, and that backup can be restored the same
              way.
            </p>
          </Dialog>
        )}
      </SettingsSection>
    </div>
  );
}
