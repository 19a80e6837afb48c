import { lazy, Suspense, useEffect, useState } from "react";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { setBookFolder } from "../../lib/dialogs";
import { bookApi, type BookInfo } from "../book/api";
import { HomeScreen } from "../home/HomeScreen";
import { HealthBanner } from "./HealthBanner";
import type { IntentFor, Navigate, Place } from "./navigation";
import { Sidebar, type Screen } from "./Sidebar";
import "./AppShell.css";

// Home is the first screen and comes with the app; every other screen is
// its own chunk, loaded the first time it is opened.
const PartnersScreen = lazy(() => import("../partners/PartnersScreen").then((m) => ({ default: m.PartnersScreen })));
const ApplicationsScreen = lazy(() => import("../applications/ApplicationsScreen").then((m) => ({ default: m.ApplicationsScreen })));
const AssetsScreen = lazy(() => import("../assets/AssetsScreen").then((m) => ({ default: m.AssetsScreen })));
const CommissionsScreen = lazy(() => import("../commissions/CommissionsScreen").then((m) => ({ default: m.CommissionsScreen })));
const EmailScreen = lazy(() => import("../email/EmailScreen").then((m) => ({ default: m.EmailScreen })));
const ConversionsScreen = lazy(() => import("../conversions/ConversionsScreen").then((m) => ({ default: m.ConversionsScreen })));
const OnboardingScreen = lazy(() => import("../onboarding/OnboardingScreen").then((m) => ({ default: m.OnboardingScreen })));
const PayoutsScreen = lazy(() => import("../payouts/PayoutsScreen").then((m) => ({ default: m.PayoutsScreen })));
const RiskScreen = lazy(() => import("../risk/RiskScreen").then((m) => ({ default: m.RiskScreen })));
const PlansScreen = lazy(() => import("../plans/PlansScreen").then((m) => ({ default: m.PlansScreen })));
const WhatIfScreen = lazy(() => import("../whatif/WhatIfScreen").then((m) => ({ default: m.WhatIfScreen })));
const ReportsScreen = lazy(() => import("../reports/ReportsScreen").then((m) => ({ default: m.ReportsScreen })));
const SyncScreen = lazy(() => import("../sync/SyncScreen").then((m) => ({ default: m.SyncScreen })));
const SettingsScreen = lazy(() => import("../settings/SettingsScreen").then((m) => ({ default: m.SettingsScreen })));

type Props = {
  book: BookInfo;
  onClosed: () => void;
  onBookChanged: (patch: Partial<BookInfo>) => void;
};

export function AppShell({ book, onClosed, onBookChanged }: Props) {
  const [place, setPlace] = useState<Place>({ screen: "home" });
  const screen = place.screen;
  // Partners is mounted on its first visit and then kept, so its filters,
  // scroll and an open panel survive a visit elsewhere.
  const [partnersOpened, setPartnersOpened] = useState(false);
  if (screen === "partners" && !partnersOpened) setPartnersOpened(true);
  // Settings opened for one section (Sync's "Add a connection"); cleared by any other way in.
  const [settingsFocus, setSettingsFocus] = useState<"connections" | undefined>(undefined);
  const navigate: Navigate = <S extends Screen>(to: S, intent?: IntentFor<S>) => {
    setSettingsFocus(undefined);
    setPlace({ screen: to, intent } as Place);
  };
  const setScreen = (to: Screen) => setPlace({ screen: to } as Place);
  const [closing, setClosing] = useState(false);
  const toast = useToast();
  // File and folder dialogs start in the book's folder.
  useEffect(() => {
    setBookFolder(book.path);
    return () => setBookFolder(null);
  }, [book.path]);

  const close = async () => {
    setClosing(true);
    try {
      await bookApi.close();
      onClosed();
    } catch (e) {
      toast.error(e);
      setClosing(false);
    }
  };

  return (
    <div className="shell">
      <Sidebar book={book} screen={screen} onNavigate={navigate} onClose={close} closing={closing} />
      <div className="shell-main">
        <HealthBanner bookPath={book.path} />
        {screen === "home" && (
          <div className="shell-screen">
            <HomeScreen book={book} onNavigate={navigate} />
          </div>
        )}
        {partnersOpened && (
          <Suspense fallback={<Loading hidden={screen !== "partners"} />}>
            <div className="shell-screen" hidden={screen !== "partners"}>
              <PartnersScreen
                active={screen === "partners"}
                baseCurrency={book.base_currency}
                intent={place.screen === "partners" ? place.intent : undefined}
              />
            </div>
          </Suspense>
        )}
        <Suspense fallback={<Loading />}>
          {screen === "applications" && (
            <div className="shell-screen">
              <ApplicationsScreen onOpenEmail={() => setScreen("email")} initial={place.screen === "applications" ? place.intent : undefined} />
            </div>
          )}
          {screen === "onboarding" && (
            <div className="shell-screen">
              <OnboardingScreen onOpenEmail={() => setScreen("email")} />
            </div>
          )}
          {screen === "assets" && (
            <div className="shell-screen">
              <AssetsScreen />
            </div>
          )}
          {screen === "sync" && (
            <div className="shell-screen">
              <SyncScreen
                onOpenConnections={() => {
                  setSettingsFocus("connections");
                  setScreen("settings");
                }}
                onOpenRisk={() => navigate("risk")}
              />
            </div>
          )}
          {screen === "conversions" && (
            <div className="shell-screen">
              <ConversionsScreen baseCurrency={book.base_currency} initial={place.screen === "conversions" ? place.intent : undefined} />
            </div>
          )}
          {screen === "commissions" && (
            <div className="shell-screen">
              <CommissionsScreen baseCurrency={book.base_currency} initial={place.screen === "commissions" ? place.intent : undefined} />
            </div>
          )}
          {screen === "risk" && (
            <div className="shell-screen">
              <RiskScreen />
            </div>
          )}
          {screen === "payouts" && (
            <div className="shell-screen">
              <PayoutsScreen
                baseCurrency={book.base_currency}
                onOpenEmail={() => setScreen("email")}
                initial={place.screen === "payouts" ? place.intent : undefined}
              />
            </div>
          )}
          {screen === "email" && (
            <div className="shell-screen">
              <EmailScreen initial={place.screen === "email" ? place.intent : undefined} />
            </div>
          )}
          {screen === "plans" && (
            <div className="shell-screen">
              <PlansScreen baseCurrency={book.base_currency} />
            </div>
          )}
          {screen === "whatif" && (
            <div className="shell-screen">
              <WhatIfScreen baseCurrency={book.base_currency} />
            </div>
          )}
          {screen === "reports" && (
            <div className="shell-screen">
              <ReportsScreen initial={place.screen === "reports" ? place.intent : undefined} />
            </div>
          )}
          {screen === "settings" && (
            <div className="shell-screen">
              <SettingsScreen
                focus={settingsFocus}
                onSaved={(s) => onBookChanged({ program_name: s.program_name, base_currency: s.base_currency })}
              />
            </div>
          )}
        </Suspense>
      </div>
    </div>
  );
}

function Loading({ hidden }: { hidden?: boolean }) {
  return (
    <div className="shell-screen shell-loading" hidden={hidden}>
      <Spinner size={20} label="Opening" />
    </div>
  );
}
