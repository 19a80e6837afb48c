import { BookMarked, FileSpreadsheet, FolderOpen, HardDrive, ShieldCheck, Sparkles } from "lucide-react";
import { useState } from "react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { describeError, toAppError } from "../../lib/errors";
import { bookApi, chooseBookToOpen, type BookInfo } from "./api";
import { CreateBookForm } from "./CreateBookForm";
import { RecentBooks } from "./RecentBooks";
import { useRecentBooks } from "./useRecentBooks";
import "./StartScreen.css";

type Busy = null | "open" | "demo";

export function StartScreen({ onOpened }: { onOpened: (book: BookInfo) => void }) {
  const { books, forget } = useRecentBooks();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<BookInfo | null>) => {
    setError(null);
    setBusy(kind);
    try {
      const book = await action();
      if (book) onOpened(book);
      else setBusy(null);
    } catch (e) {
      setError(describeError(toAppError(e)));
      setBusy(null);
    }
  };

  const openPath = (path: string) => run("open", () => bookApi.open(path));
  const openChosen = () =>
    run("open", async () => {
      const path = await chooseBookToOpen();
      return path ? bookApi.open(path) : null;
    });
  const openDemo = () => run("demo", () => bookApi.openDemo());
  const forgetBook = (path: string) => forget(path).catch((e) => setError(describeError(toAppError(e))));

  return (
    <div className="start">
      <aside className="start-intro">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            <BookMarked size={18} />
          </span>
          <span className="brand-name">Partnerbook</span>
        </div>
        <h1 className="start-title">Your affiliate program, in one file on your own machine.</h1>
        <p className="start-pitch">
          Keep partners, commissions and payouts exact and private — no platform fee, no spreadsheets.
        </p>
        <ul className="start-points">
          <li>
            <HardDrive size={16} aria-hidden /> Works offline. The book is a file you can copy and back up.
          </li>
          <li>
            <ShieldCheck size={16} aria-hidden /> Money to the cent, with every change in an audit log.
          </li>
          <li>
            <FileSpreadsheet size={16} aria-hidden /> Bring partners in from any CSV, take them out the same way.
          </li>
        </ul>
      </aside>

      <div className="start-scroll">
        <main className="start-main">
          {error && (
            <Banner testId="form-error" onDismiss={() => setError(null)}>
              {error}
            </Banner>
          )}
          <section className="start-card" aria-labelledby="create-heading">
            <h2 id="create-heading">Create a book</h2>
            <p className="start-card-sub">A book holds one affiliate program.</p>
            <CreateBookForm onCreated={onOpened} disabled={busy !== null} />
          </section>

          <section className="start-card" aria-labelledby="open-heading">
            <div className="start-open-head">
              <h2 id="open-heading">Open</h2>
              <div className="start-open-actions">
                <Button icon={<FolderOpen size={15} />} onClick={openChosen} busy={busy === "open"} disabled={busy !== null} data-testid="open-book">
                  Open a book…
                </Button>
                <Button icon={<Sparkles size={15} />} onClick={openDemo} busy={busy === "demo"} disabled={busy !== null} data-testid="open-demo">
                  {busy === "demo" ? "Preparing the demo…" : "Open the demo book"}
                </Button>
              </div>
            </div>
            <h3 className="recent-heading">Recent</h3>
            <RecentBooks books={books} onOpen={openPath} onForget={forgetBook} disabled={busy !== null} />
          </section>
        </main>
      </div>
    </div>
  );
}
