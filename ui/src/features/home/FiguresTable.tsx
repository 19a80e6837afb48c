/** A row of a chart's figures: its label opens the list behind it. */
export type FigureRow = {
  key: string | number;
  label: string;
  open: () => void;
  /** The numbers, already formatted, one per column after the first. */
  cells: string[];
  linkTestId?: string;
};

type Props = {
  /** The label column's heading, then the numbers'. */
  columns: string[];
  rows: FigureRow[];
  testId?: string;
};

/** A chart's figures as a table: what a screen reader and a test read. */
export function FiguresTable({ columns, rows, testId }: Props) {
  const [label, ...numbers] = columns;
  return (
    <table className="home-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          {numbers.map((c) => (
            <th key={c} scope="col" className="home-num">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <button type="button" className="home-link" onClick={r.open} data-testid={r.linkTestId}>
                {r.label}
              </button>
            </th>
            {r.cells.map((c, i) => (
              <td key={i} className="home-num num">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
