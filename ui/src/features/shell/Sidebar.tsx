import { ArrowLeftRight, Banknote, BookMarked, Coins, FileBarChart, FlaskConical, Images, Inbox, Info, LayoutDashboard, ListChecks, Mail, Receipt, RefreshCw, Scale, Settings, ShieldAlert, Users } from "lucide-react";
import { useState, type ReactNode } from "react";
import { fileName } from "../../lib/format";
import type { BookInfo } from "../book/api";
import { AboutDialog } from "./AboutDialog";

export type Screen =
  | "home"
  | "partners"
  | "applications"
  | "onboarding"
  | "assets"
  | "sync"
  | "conversions"
  | "commissions"
  | "risk"
  | "payouts"
  | "email"
  | "plans"
  | "whatif"
  | "reports"
  | "settings";

type Props = {
  book: BookInfo;
  screen: Screen;
  onNavigate: (screen: Screen) => void;
  onClose: () => void;
  closing: boolean;
};

export function Sidebar({ book, screen, onNavigate, onClose, closing }: Props) {
  const [about, setAbout] = useState(false);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar-book">
        <span className="sidebar-mark" aria-hidden>
          <BookMarked size={15} />
        </span>
        <div className="sidebar-book-text">
          <span className="sidebar-title" data-testid="book-title" title={book.program_name}>
            {book.program_name}
          </span>
          <span className="sidebar-file" title={book.path}>
            {fileName(book.path)}
          </span>
        </div>
      </div>

      <div className="sidebar-section">
        <NavItem icon={<LayoutDashboard size={16} />} active={screen === "home"} onClick={() => onNavigate("home")} testId="nav-home">
          Home
        </NavItem>
      </div>

      <div className="sidebar-section">
        <span className="sidebar-label">Program</span>
        <NavItem icon={<Users size={16} />} active={screen === "partners"} onClick={() => onNavigate("partners")} testId="nav-partners">
          Partners
        </NavItem>
        <NavItem icon={<Inbox size={16} />} active={screen === "applications"} onClick={() => onNavigate("applications")} testId="nav-applications">
          Applications
        </NavItem>
        <NavItem icon={<ListChecks size={16} />} active={screen === "onboarding"} onClick={() => onNavigate("onboarding")} testId="nav-onboarding">
          Onboarding
        </NavItem>
        <NavItem icon={<Images size={16} />} active={screen === "assets"} onClick={() => onNavigate("assets")} testId="nav-assets">
          Assets
        </NavItem>
      </div>

      <div className="sidebar-section">
        <span className="sidebar-label">Earnings</span>
        <NavItem icon={<RefreshCw size={16} />} active={screen === "sync"} onClick={() => onNavigate("sync")} testId="nav-sync">
          Sync
        </NavItem>
        <NavItem icon={<Receipt size={16} />} active={screen === "conversions"} onClick={() => onNavigate("conversions")} testId="nav-conversions">
          Conversions
        </NavItem>
        <NavItem icon={<Coins size={16} />} active={screen === "commissions"} onClick={() => onNavigate("commissions")} testId="nav-commissions">
          Commissions
        </NavItem>
        <NavItem icon={<ShieldAlert size={16} />} active={screen === "risk"} onClick={() => onNavigate("risk")} testId="nav-risk">
          Risk
        </NavItem>
        <NavItem icon={<Banknote size={16} />} active={screen === "payouts"} onClick={() => onNavigate("payouts")} testId="nav-payouts">
          Payouts
        </NavItem>
        <NavItem icon={<Mail size={16} />} active={screen === "email"} onClick={() => onNavigate("email")} testId="nav-email">
          Email
        </NavItem>
        <NavItem icon={<Scale size={16} />} active={screen === "plans"} onClick={() => onNavigate("plans")} testId="nav-plans">
          Plans
        </NavItem>
        <NavItem icon={<FlaskConical size={16} />} active={screen === "whatif"} onClick={() => onNavigate("whatif")} testId="nav-whatif">
          What-if
        </NavItem>
        <NavItem icon={<FileBarChart size={16} />} active={screen === "reports"} onClick={() => onNavigate("reports")} testId="nav-reports">
          Reports
        </NavItem>
      </div>

      <div className="sidebar-bottom">
        <NavItem icon={<Settings size={16} />} active={screen === "settings"} onClick={() => onNavigate("settings")} testId="nav-settings">
          Settings
        </NavItem>
        <NavItem icon={<ArrowLeftRight size={16} />} onClick={onClose} disabled={closing} testId="close-book">
          Close book
        </NavItem>
        <NavItem icon={<Info size={16} />} onClick={() => setAbout(true)} testId="nav-about">
          About
        </NavItem>
      </div>
      {about && <AboutDialog onClose={() => setAbout(false)} />}
    </nav>
  );
}

type NavItemProps = {
  icon: ReactNode;
  active?: boolean;
  onClick: () => void;
  testId: string;
  disabled?: boolean;
  children: ReactNode;
};

function NavItem({ icon, active, onClick, testId, disabled, children }: NavItemProps) {
  return (
    <button
      type="button"
      className={active ? "nav-item nav-item-active" : "nav-item"}
      aria-current={active ? "page" : undefined}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
    >
      {icon}
      <span>{children}</span>
    </button>
  );
}
