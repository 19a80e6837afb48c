import { useCallback, useEffect, useRef, useState } from "react";
import type { Attention } from "../../bindings/Attention";
import type { Home } from "../../bindings/Home";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import type { BookInfo } from "../book/api";
import type { Navigate } from "../shell/navigation";
import { homeApi } from "./api";
import { AttentionCards, anythingWaiting } from "./AttentionCards";
import { GetStarted, isNewBook } from "./GetStarted";
import { HomeCharts } from "./HomeCharts";
import { KeyCards } from "./KeyCards";
import { PeriodChooser } from "./PeriodChooser";
import { rememberedFloor, rememberedSetting, rememberFloor, rememberSetting, settingMonths, versusLabel, type PeriodSetting } from "./period";
import "./home.css";

type Props = {
  book: BookInfo;
  onNavigate: Navigate;
  /** The computer's day ("This month"); tests pass one. */
  today?: Date;
};

/**
 * The program at a glance: the period's key numbers against the period
 * before, what waits for the manager, and the charts; every number opens
 * the list behind it. A new book gets its first steps instead of charts.
 */
export function HomeScreen({ book, onNavigate, today: givenToday }: Props) {
  const [today] = useState(() => givenToday ?? new Date());
  const [setting, setSetting] = useState<PeriodSetting>(rememberedSetting);
  const [floor, setFloor] = useState<number | null>(rememberedFloor);
  const months = settingMonths(setting, today);
  const problem = "problem" in months ? months.problem : null;
  const asked = "problem" in months ? null : months;

  const home = useFetched<Home | null>(`home:${asked ? `${asked.from}:${asked.to}` : "-"}:${floor ?? ""}`, () =>
    asked ? homeApi.get(asked.from, asked.to, floor) : Promise.resolve(null),
  );
  // The reader answers one question at a time: the attention (an estimated
  // payout run) is asked once the numbers are in, so they are not behind it.
  const [askAttention, setAskAttention] = useState(false);
  useEffect(() => {
    if (!home.loading) setAskAttention(true);
  }, [home.loading]);
  const attention = useFetched<Attention | null>(`attention:${askAttention}`, () =>
    askAttention ? homeApi.attention() : Promise.resolve(null),
  );
  const slow = useDelayed(home.loading && !home.data, 250);

  const choose = (s: PeriodSetting) => {
    setSetting(s);
    rememberSetting(s);
  };
  const changeFloor = useCallback((f: number | null) => {
    setFloor(f);
    rememberFloor(f);
  }, []);

  // While typed months are not a period yet, the last numbers stay (dimmed).
  const last = useRef<Home | null>(null);
  if (home.data) last.current = home.data;
  const data = asked ? home.data : last.current;
  const fresh = data !== null && asked !== null && data.from === asked.from && data.to === asked.to && !home.loading;
  const newBook = data !== null && isNewBook(data.setup);
  const waiting = attention.data !== null && anythingWaiting(attention.data);

  return (
    <div className="screen home" data-testid="home-screen">
      <header className="screen-header home-header">
        <div className="screen-title home-title">
          <h1 data-testid="home-program">{book.program_name}</h1>
        </div>
        <PeriodChooser setting={setting} today={today} problem={problem} onChange={choose} />
      </header>
      <div className="home-body" aria-busy={home.loading || undefined}>
        {home.error && <RetryBanner error={home.error} onRetry={home.reload} />}
        {!data ? (
          <div className="home-center">{slow && !problem && <Spinner size={20} label="Reading the book" />}</div>
        ) : newBook ? (
          <>
            <GetStarted setup={data.setup} onNavigate={onNavigate} />
            {waiting && (
              <AttentionCards
                attention={attention.data}
                error={attention.error}
                onRetry={attention.reload}
                baseCurrency={book.base_currency}
                onNavigate={onNavigate}
              />
            )}
          </>
        ) : (
          <div className={fresh ? "home-content" : "home-content home-stale"}>
            <KeyCards home={data} baseCurrency={book.base_currency} versus={versusLabel(data.previous_from, data.previous_to)} onNavigate={onNavigate} />
            <AttentionCards
              attention={attention.data}
              error={attention.error}
              onRetry={attention.reload}
              baseCurrency={book.base_currency}
              onNavigate={onNavigate}
            />
            <HomeCharts home={data} floor={data.partners.floor} onFloor={changeFloor} onNavigate={onNavigate} />
          </div>
        )}
      </div>
    </div>
  );
}
