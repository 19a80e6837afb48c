import { Images } from "lucide-react";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";

type Props = { filtered: boolean; archived: boolean; onClear: () => void; onAdd: () => void };

export function AssetsEmpty({ filtered, archived, onClear, onAdd }: Props) {
  if (filtered) {
    return (
      <EmptyState icon={<Images size={22} />} title="No asset matches" actions={<Button onClick={onClear}>Clear filters</Button>}>
        Try another kind, tag, group or size.
      </EmptyState>
    );
  }
  if (archived) {
    return <EmptyState icon={<Images size={22} />} title="Nothing archived" />;
  }
  return (
    <EmptyState
      icon={<Images size={22} />}
      title="No assets yet"
      actions={
        <Button variant="primary" onClick={onAdd}>
          Add files…
        </Button>
      }
    >
      Add banners, images, documents and text templates for your partners, or drop files here.
    </EmptyState>
  );
}
