/** The file's first rows as they are, so the person recognises it. */
export function SampleTable({ headers, rows }: { headers: string[]; rows: string[][] }) {
  if (rows.length === 0) return <p className="muted">The file has a header but no rows.</p>;
  return (
    <div className="cimport-sample" data-testid="conversions-import-sample">
      <table>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} title={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {headers.map((_, c) => (
                <td key={c} title={row[c] ?? ""}>
                  {row[c] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
