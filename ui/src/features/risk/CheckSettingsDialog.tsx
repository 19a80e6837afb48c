import type { RiskAction } from "../../bindings/RiskAction";
import type { RiskCheck } from "../../bindings/RiskCheck";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Pill } from "../../components/Pill";
import { RetryBanner } from "../../components/RetryBanner";
import { Segmented } from "../../components/Segmented";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { useFetched } from "../../lib/useFetched";
import { riskApi } from "./api";
import { SEVERITY_TONE } from "./labels";

/** What each check does: off, flag for review, or hold what it flags. */
export function CheckSettingsDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const settings = useFetched("risk-settings", riskApi.settings);

  const set = async (check: RiskCheck, action: RiskAction) => {
    try {
      await riskApi.setAction(check, action);
      settings.reload();
    } catch (e) {
      toast.error(e);
    }
  };

  return (
    <Dialog
      title="Risk checks"
      description="Checks run on every import and when you check the whole book. A change applies to flags raised from now on."
      onClose={onClose}
      wide
      testId="risk-settings-dialog"
      footer={<Button onClick={onClose}>Done</Button>}
    >
      {settings.error && <RetryBanner error={settings.error} onRetry={settings.reload} />}
      {!settings.data && !settings.error && <Spinner label="Loading" />}
      <table className="risk-settings">
        <tbody>
          {settings.data?.map((s) => (
            <tr key={s.check} data-testid={`risk-setting-${s.check}`}>
              <td>
                <Pill tone={SEVERITY_TONE[s.severity]} dot>
                  {s.severity}
                </Pill>
              </td>
              <td>
                {s.title}
                {s.action !== s.default_action && <span className="muted"> (default: {s.default_action})</span>}
              </td>
              <td>
                <Segmented<RiskAction>
                  label={s.title}
                  value={s.action}
                  onChange={(a) => void set(s.check, a)}
                  options={[
                    { value: "off", label: "Off" },
                    { value: "flag", label: "Flag", title: "Raise a flag for review; pay as usual" },
                    { value: "hold", label: "Hold", title: "Hold what it flags until you clear it" },
                  ]}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
