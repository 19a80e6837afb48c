import { X } from "lucide-react";
import "./Chip.css";

export function Chip({ label, onRemove }: { label: string; onRemove?: () => void }) {
  return (
    <span className="chip">
      <span className="chip-label">{label}</span>
      {onRemove && (
        <button type="button" className="chip-remove" onClick={onRemove} aria-label={`Remove ${label}`}>
          <X size={12} />
        </button>
      )}
    </span>
  );
}
