import { useCallback, useEffect, useState } from "react";
import { ToastProvider } from "./components/Toast";
import { bookApi, type BookInfo } from "./features/book/api";
import { StartScreen } from "./features/book/StartScreen";
import { AppShell } from "./features/shell/AppShell";

type State = { phase: "loading" } | { phase: "start" } | { phase: "open"; book: BookInfo };

export function App() {
  const [state, setState] = useState<State>({ phase: "loading" });

  // A book may already be open (passed on the command line): go straight to it.
  useEffect(() => {
    let live = true;
    bookApi
      .current()
      .then((book) => live && setState(book ? { phase: "open", book } : { phase: "start" }))
      .catch(() => live && setState({ phase: "start" }));
    return () => {
      live = false;
    };
  }, []);

  const opened = useCallback((book: BookInfo) => setState({ phase: "open", book }), []);
  const closed = useCallback(() => setState({ phase: "start" }), []);
  const changed = useCallback(
    (patch: Partial<BookInfo>) =>
      setState((s) => (s.phase === "open" ? { phase: "open", book: { ...s.book, ...patch } } : s)),
    [],
  );

  return (
    <ToastProvider>
      {state.phase === "start" && <StartScreen onOpened={opened} />}
      {state.phase === "open" && <AppShell key={state.book.path} book={state.book} onClosed={closed} onBookChanged={changed} />}
    </ToastProvider>
  );
}
