// textTable(columns, rows): a plain-text table for a terminal, columns padded to their widest cell.

export interface TextColumn {
  readonly title: string;
  /** Numbers read best right-aligned. */
  readonly align?: 'left' | 'right';
}

/** Width as a terminal shows most text: one column per code point (wide CJK glyphs excepted). */
const widthOf = (text: string) => [...text].length;

/** Rows of cells under their titles, indented by two spaces, with no trailing spaces. */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max(widthOf(column.title), ...rows.map((row) => widthOf(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    `  ${columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        const pad = ' '.repeat((widths[i] ?? 0) - widthOf(cell));
        return column.align === 'right' ? `${pad}${cell}` : `${cell}${pad}`;
      })
      .join('  ')}`.trimEnd();
  return [line(columns.map((c) => c.title)), ...rows.map(line)].join('\n');
}

/** A bar of `#` for `value`, `max` filling `width` characters (a non-zero value shows at least one). */
export function textBar(value: number, max: number, width = 30): string {
  if (value <= 0 || max <= 0) return '';
  return '#'.repeat(Math.max(1, Math.round((value / max) * width)));
}
