import { PERIOD_CHOICES, rangeLabel, settingMonths, type PeriodChoice, type PeriodSetting } from "./period";

type Props = {
  setting: PeriodSetting;
  today: Date;
  /** Why the typed months are not a period. */
  problem: string | null;
  onChange: (s: PeriodSetting) => void;
};

/** This month, last month, … or months typed by hand; says which months that is. */
export function PeriodChooser({ setting, today, problem, onChange }: Props) {
  const months = settingMonths(setting, today);
  const choose = (choice: PeriodChoice) => {
    if (choice === "custom" && !setting.from && !setting.to && !("problem" in months)) {
      // Start from the months on screen.
      onChange({ choice, from: months.from, to: months.to });
    } else {
      onChange({ ...setting, choice });
    }
  };

  return (
    <div className="home-period" role="group" aria-label="Period">
      <select
        className="input input-sm home-period-choice"
        aria-label="Period"
        value={setting.choice}
        onChange={(e) => choose(e.target.value as PeriodChoice)}
        data-testid="home-period"
      >
        {PERIOD_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {setting.choice === "custom" && (
        <>
          <label className="home-period-month">
            From{" "}
            <input
              type="month"
              className="input input-sm"
              placeholder="YYYY-MM"
              value={setting.from}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => onChange({ ...setting, from: e.target.value })}
              data-testid="home-from"
            />
          </label>
          <label className="home-period-month">
            to{" "}
            <input
              type="month"
              className="input input-sm"
              placeholder="YYYY-MM"
              value={setting.to}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => onChange({ ...setting, to: e.target.value })}
              data-testid="home-to"
            />
          </label>
        </>
      )}
      {problem ? (
        <span className="home-period-problem" role="alert" data-testid="home-period-problem">
          {problem}
        </span>
      ) : (
        !("problem" in months) && (
          <span className="home-period-label muted" data-testid="home-period-label">
            {rangeLabel(months.from, months.to)}
          </span>
        )
      )}
    </div>
  );
}
