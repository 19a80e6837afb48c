import { MapPin } from "lucide-react";
import type { Partner } from "../../../bindings/Partner";
import { addressLines } from "./postalAddress";

/** Who the partner's statements are addressed to: the name, the company, then the postal address as typed. */
export function StatementAddress({ partner }: { partner: Partner }) {
  const lines = addressLines(partner.address);
  return (
    <section className="pf-section" aria-labelledby="earn-address-title" data-testid="partner-statement-address">
      <h3 id="earn-address-title" className="pf-section-title">
        Statements go to
      </h3>
      <address className="earn-address">
        <MapPin size={15} aria-hidden />
        <span className="earn-address-lines">
          <span className="earn-address-name">{partner.name}</span>
          {partner.company && <span>{partner.company}</span>}
          {lines.length > 0 ? (
            <span className="earn-address-postal" data-testid="partner-address">
              {lines.join("\n")}
            </span>
          ) : (
            <span className="earn-address-none">No postal address: add one under Details to print it on statements.</span>
          )}
        </span>
      </address>
    </section>
  );
}
