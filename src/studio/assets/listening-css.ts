// The stylesheet of the listening screens: the SVG chart in the page's colours (light and dark), and the count tables.

export const LISTENING_CSS = `
.chart { margin: 1rem 0 1.5rem; }
.chart svg { display: block; width: 100%; height: auto; max-height: 22rem; overflow: visible; }
.chart text { fill: var(--s-text); font: 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.chart .chart-axis-title { fill: var(--s-muted); font-size: 12px; }
.chart .chart-grid { stroke: var(--s-soft-line); stroke-width: 1; }
.chart .chart-axis { stroke: var(--s-line); stroke-width: 1.5; }
.chart .chart-bar { fill: var(--s-link); }
.chart .chart-bar:hover { fill: var(--s-focus); }
.chart figcaption { margin-top: 0.5rem; }
.chart summary { cursor: pointer; color: var(--s-link); }
.chart-table caption, table.counts caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
table.counts { max-width: 40rem; margin-bottom: 1rem; }
table.list .number { text-align: right; font-variant-numeric: tabular-nums; }
table.chart-table td { font-variant-numeric: tabular-nums; }
@media (max-width: 40rem) {
  table.list td.number { text-align: left; }
  /* The drawing shrinks to the screen: its text is drawn larger so it stays readable, with fewer labels. */
  .chart text { font-size: 26px; }
  .chart .chart-axis-title, .chart .chart-x-alt { display: none; }
}
@media (forced-colors: active) {
  .chart .chart-bar { fill: CanvasText; }
  .chart text { fill: CanvasText; }
  .chart .chart-grid, .chart .chart-axis { stroke: GrayText; }
}
`;
