import { ImageIcon, ImageUp, Trash2 } from "lucide-react";
import { useEffect, useState } from "react";
import type { LogoInfo } from "../../bindings/LogoInfo";
import { Button } from "../../components/Button";
import { Spinner } from "../../components/Spinner";
import { describeError, toAppError } from "../../lib/errors";
import { formatCount } from "../../lib/format";
import { chooseLogoFile, logoApi } from "./api";

const LOGO_LABELS = { logo: "Logo", path: "Logo" };

type Busy = "choosing" | "removing" | null;

/**
 * The logo on statements: shown as stored, replaced from an image file or
 * removed at once (not part of Save settings).
 */
export function LogoField() {
  // undefined while loading; null when there is no logo.
  const [logo, setLogo] = useState<LogoInfo | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);

  useEffect(() => {
    let live = true;
    logoApi.get().then(
      (l) => live && setLogo(l),
      (e) => {
        if (!live) return;
        setLogo(null);
        setError(describeError(toAppError(e), LOGO_LABELS));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const attempt = async (kind: Exclude<Busy, null>, action: () => Promise<void>) => {
    setError(null);
    setBusy(kind);
    try {
      await action();
    } catch (e) {
      setError(describeError(toAppError(e), LOGO_LABELS));
    } finally {
      setBusy(null);
    }
  };

  const choose = () =>
    attempt("choosing", async () => {
      const path = await chooseLogoFile();
      if (path) setLogo(await logoApi.set(path));
    });

  const remove = () =>
    attempt("removing", async () => {
      await logoApi.clear();
      setLogo(null);
    });

  return (
    <div className="field" role="group" aria-labelledby="settings-logo-label" data-testid="settings-logo">
      <span className="field-label" id="settings-logo-label">
        Logo
      </span>
      <div className="settings-logo">
        <div className="settings-logo-frame">
          {logo === undefined ? (
            <Spinner size={16} label="Loading the logo" />
          ) : logo ? (
            <img src={logo.data_url} alt="Logo on statements" data-testid="settings-logo-image" />
          ) : (
            <ImageIcon size={22} aria-hidden />
          )}
        </div>
        <div className="settings-logo-side">
          {logo ? (
            <p className="settings-logo-text num" data-testid="settings-logo-size">
              {formatCount(logo.width)} × {formatCount(logo.height)} px
              <span className="muted"> · printed at the top of every statement</span>
            </p>
          ) : (
            logo === null && (
              <p className="settings-logo-text muted" data-testid="settings-logo-empty">
                No logo: statements show the business name only.
              </p>
            )
          )}
          <div className="settings-logo-actions">
            <Button
              size="sm"
              icon={<ImageUp size={14} />}
              busy={busy === "choosing"}
              disabled={logo === undefined || busy !== null}
              onClick={() => void choose()}
              data-testid="settings-logo-choose"
            >
              Choose image…
            </Button>
            {logo && (
              <Button
                size="sm"
                variant="ghost"
                icon={<Trash2 size={14} />}
                busy={busy === "removing"}
                disabled={busy !== null}
                onClick={() => void remove()}
                data-testid="settings-logo-remove"
              >
                Remove
              </Button>
            )}
          </div>
          <p className="field-hint">PNG or JPEG. Changes apply at once and the image is kept in the book.</p>
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="settings-logo-error">
          {error}
        </p>
      )}
    </div>
  );
}
