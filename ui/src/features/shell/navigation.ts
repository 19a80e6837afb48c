// Moving between screens with a reason: the home screen's numbers open the
// list behind them already filtered. Each screen declares what it can be
// opened for (its intent type, beside the screen); a screen without one is
// simply opened.

import type { ApplicationsIntent } from "../applications/ApplicationsScreen";
import type { CommissionsIntent } from "../commissions/CommissionsScreen";
import type { ConversionsIntent } from "../conversions/ConversionsScreen";
import type { EmailIntent } from "../email/EmailScreen";
import type { PartnersIntent } from "../partners/PartnersScreen";
import type { PayoutsIntent } from "../payouts/PayoutsScreen";
import type { ReportsIntent } from "../reports/ReportsScreen";
import type { Screen } from "./Sidebar";

export type Intents = {
  partners: PartnersIntent;
  conversions: ConversionsIntent;
  commissions: CommissionsIntent;
  reports: ReportsIntent;
  payouts: PayoutsIntent;
  applications: ApplicationsIntent;
  email: EmailIntent;
};

/** What `screen` can be opened for; `never` for a screen that takes nothing. */
export type IntentFor<S extends Screen> = S extends keyof Intents ? Intents[S] : never;

/** Opens `screen`, filtered or focused as `intent` says. */
export type Navigate = <S extends Screen>(screen: S, intent?: IntentFor<S>) => void;

/** Where the shell is: a screen, and what it was opened for (nothing from the sidebar). */
export type Place = { [S in Screen]: { screen: S; intent?: IntentFor<S> } }[Screen];
