import { useToast } from "../../components/Toast";
import { PartnerPanel } from "../partners/panel/PartnerPanel";
import { useLookups } from "../partners/useLookups";

type Props = {
  partnerId: number;
  baseCurrency: string;
  /** A save rebuilds the partner's line in a draft run: read the run again. */
  onSaved: () => void;
  onClose: () => void;
};

/** A partner opened from a run's checks, edited beside the run. */
export function RunPartnerPanel({ partnerId, baseCurrency, onSaved, onClose }: Props) {
  const toast = useToast();
  const lookups = useLookups(toast.error);
  return (
    <PartnerPanel
      key={partnerId}
      target={{ mode: "edit", id: partnerId }}
      groups={lookups.groups}
      tagSuggestions={lookups.tags.map((t) => t.name)}
      onGroupsChanged={lookups.setGroups}
      baseCurrency={baseCurrency}
      onSaved={onSaved}
      onClose={onClose}
      onDirtyChange={() => {}}
    />
  );
}
