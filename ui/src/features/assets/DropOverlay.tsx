import { Upload } from "lucide-react";

/** Shown while files are held over the screen. */
export function DropOverlay() {
  return (
    <div className="as-drop" data-testid="assets-drop-overlay" aria-hidden>
      <div className="as-drop-box">
        <Upload size={28} />
        <p>Drop files to add them to the assets</p>
      </div>
    </div>
  );
}
