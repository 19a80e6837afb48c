import type { Announcement } from "../../bindings/Announcement";
import { Pill } from "../../components/Pill";
import { formatCount, formatDateTime } from "../../lib/format";
import "../../components/LedgerTable.css";

/** Past announcements, newest first: what, to whom, how many have gone, when. */
export function AnnouncementList({ announcements }: { announcements: Announcement[] }) {
  if (announcements.length === 0) {
    return (
      <p className="em-announce-none" data-testid="announce-none">
        No announcements yet. Each one you queue is listed here, with how many copies have gone.
      </p>
    );
  }
  return (
    <div className="em-announce-table">
      <table className="ltable em-table" aria-label="Past announcements" data-testid="announce-list">
        <colgroup>
          <col />
          <col className="em-col-audience" />
          <col className="em-col-sent" />
          <col className="em-col-time" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Audience</th>
            <th scope="col">Sent</th>
            <th scope="col">Queued</th>
          </tr>
        </thead>
        <tbody>
          {announcements.map((a) => (
            <tr key={a.id} data-testid="announce-row">
              <td title={a.subject}>
                <span className="ltable-main">{a.subject}</span>
              </td>
              <td title={a.audience_label}>{a.audience_label}</td>
              <td>
                <Pill tone={a.sent >= a.recipients ? "green" : "blue"} dot>
                  <span className="num">
                    {formatCount(a.sent)} of {formatCount(a.recipients)}
                  </span>
                </Pill>
              </td>
              <td className="num">{formatDateTime(a.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
