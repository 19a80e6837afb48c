import { useEffect, useState } from "react";
import { useToast } from "../../components/Toast";
import { setBookFolder } from "../../lib/dialogs";
import { ApplicationsScreen } from "../applications/ApplicationsScreen";
import { AssetsScreen } from "../assets/AssetsScreen";
import { bookApi, type BookInfo } from "../book/api";
import { CommissionsScreen } from "../commissions/CommissionsScreen";
import { EmailScreen } from "../email/EmailScreen";
import { ConversionsScreen } from "../conversions/ConversionsScreen";
import { OnboardingScreen } from "../onboarding/OnboardingScreen";
import { PartnersScreen } from "../partners/PartnersScreen";
import { PayoutsScreen } from "../payouts/PayoutsScreen";
import { PlansScreen } from "../plans/PlansScreen";
import { WhatIfScreen } from "../whatif/WhatIfScreen";
import { SettingsScreen } from "../settings/SettingsScreen";
import { Sidebar, type Screen } from "./Sidebar";
import "./AppShell.css";

type Props = {
  book: BookInfo;
  onClosed: () => void;
  onBookChanged: (patch: Partial<BookInfo>) => void;
};

export function AppShell({ book, onClosed, onBookChanged }: Props) {
  const [screen, setScreen] = useState<Screen>("partners");
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
      <Sidebar book={book} screen={screen} onNavigate={setScreen} onClose={close} closing={closing} />
      <div className="shell-main">
        {/* Partners stays mounted so its filters and scroll survive a visit to Settings. */}
        <div className="shell-screen" hidden={screen !== "partners"}>
          <PartnersScreen active={screen === "partners"} baseCurrency={book.base_currency} />
        </div>
        {screen === "applications" && (
          <div className="shell-screen">
            <ApplicationsScreen onOpenEmail={() => setScreen("email")} />
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
        {screen === "conversions" && (
          <div className="shell-screen">
            <ConversionsScreen baseCurrency={book.base_currency} />
          </div>
        )}
        {screen === "commissions" && (
          <div className="shell-screen">
            <CommissionsScreen baseCurrency={book.base_currency} />
          </div>
        )}
        {screen === "payouts" && (
          <div className="shell-screen">
            <PayoutsScreen baseCurrency={book.base_currency} onOpenEmail={() => setScreen("email")} />
          </div>
        )}
        {screen === "email" && (
          <div className="shell-screen">
            <EmailScreen />
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
        {screen === "settings" && (
          <div className="shell-screen">
            <SettingsScreen
              onSaved={(s) => onBookChanged({ program_name: s.program_name, base_currency: s.base_currency })}
            />
          </div>
        )}
      </div>
    </div>
  );
}
