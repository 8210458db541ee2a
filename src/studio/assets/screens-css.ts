// The stylesheet of the studio's content screens: forms, lists, panels, previews; 360 px up, light and dark, AA contrast, visible focus.

export const SCREENS_CSS = `
:root {
  color-scheme: light dark;
  --s-text: #1a1a1a; --s-muted: #545454; --s-bg: #ffffff; --s-panel: #f3f3f0; --s-line: #8a8a85;
  --s-soft-line: #d4d4d0; --s-link: #0b57a4; --s-focus: #c25100; --s-error: #b00020; --s-error-bg: #fdecee;
  --s-ok: #1e6b2f; --s-ok-bg: #e8f4ea; --s-button: #0b57a4; --s-button-text: #ffffff; --s-danger: #a3211a;
  --s-added: #e6f4ea; --s-removed: #fdecee;
}
@media (prefers-color-scheme: dark) {
  :root {
    --s-text: #ececea; --s-muted: #b4b4b0; --s-bg: #141414; --s-panel: #202020; --s-line: #8c8c88;
    --s-soft-line: #3a3a38; --s-link: #8cc4ff; --s-focus: #ffa05c; --s-error: #ff8a80; --s-error-bg: #3a1c1c;
    --s-ok: #9be3a8; --s-ok-bg: #17301c; --s-button: #8cc4ff; --s-button-text: #0b1a2a; --s-danger: #ff8a80;
    --s-added: #17301c; --s-removed: #3a1c1c;
  }
}
.screen { max-width: 60rem; margin: 0 auto; padding: 0 1rem 3rem; color: var(--s-text); }
.screen h1 { font-size: clamp(1.4rem, 4vw, 2rem); margin: 1rem 0 0.5rem; }
.screen h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
.screen a { color: var(--s-link); }
.screen :focus-visible { outline: 3px solid var(--s-focus); outline-offset: 2px; }
[hidden] { display: none !important; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.crumbs { font-size: 0.9rem; margin: 0.75rem 0 0; }
.crumbs ol { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
.crumbs li + li::before { content: "›"; margin-right: 0.25rem; color: var(--s-muted); }
.notice { border-left: 4px solid var(--s-ok); background: var(--s-ok-bg); padding: 0.75rem 1rem; margin: 1rem 0; }
.refusal, .error-summary { border: 3px solid var(--s-error); background: var(--s-error-bg); padding: 0.75rem 1rem; margin: 1rem 0; }
.error-summary h2 { margin: 0 0 0.5rem; font-size: 1.1rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: var(--s-error); font-weight: 600; }
.layout { display: grid; gap: 1.5rem; }
@media (min-width: 56rem) { .layout { grid-template-columns: minmax(0, 1fr) 18rem; } }
fieldset.layout { border: 0; padding: 0; margin: 0; min-width: 0; }
.panel { border: 1px solid var(--s-soft-line); background: var(--s-panel); border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 1rem; }
.panel h2 { margin-top: 0; font-size: 1.1rem; }
.panel:target { outline: 3px solid var(--s-focus); outline-offset: 2px; }
.field { margin: 0 0 1.1rem; }
.field > label, .field legend { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.field input:not([type=checkbox]):not([type=radio]), .field select, .field textarea {
  display: block; width: 100%; max-width: 100%; font: inherit; padding: 0.45rem 0.5rem;
  color: var(--s-text); background: var(--s-bg); border: 2px solid var(--s-line); border-radius: 4px;
}
.field input.short { max-width: 10rem; }
.field textarea { min-height: 6rem; resize: vertical; }
.field.has-error input, .field.has-error select, .field.has-error textarea, .field.has-error .editor-surface { border-color: var(--s-error); }
.field.has-error { border-left: 4px solid var(--s-error); padding-left: 0.75rem; }
.field-error { color: var(--s-error); font-weight: 600; margin: 0.25rem 0; }
.hint { color: var(--s-muted); font-size: 0.9rem; margin: 0 0 0.25rem; }
.checkbox { display: grid; grid-template-columns: auto 1fr; gap: 0 0.5rem; align-items: start; }
.checkbox input { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; }
.checkbox label { font-weight: 600; }
.checkbox .hint, .checkbox .field-error { grid-column: 2; }
fieldset.field { border: 0; padding: 0; margin: 0 0 1.1rem; }
.radio { display: flex; gap: 0.5rem; align-items: center; margin: 0.25rem 0; }
.radio input { width: 1.2rem; height: 1.2rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 1rem 0; }
.button, .screen button { font: inherit; font-weight: 600; cursor: pointer; border-radius: 4px; padding: 0.5rem 0.9rem;
  border: 2px solid var(--s-button); background: var(--s-button); color: var(--s-button-text); text-decoration: none; display: inline-block; }
.button.secondary, .screen button.secondary { background: transparent; color: var(--s-button); }
.button.danger, .screen button.danger { background: transparent; color: var(--s-danger); border-color: var(--s-danger); }
.screen button.small { padding: 0.2rem 0.5rem; font-size: 0.9rem; }
.screen button[disabled] { opacity: 0.5; cursor: not-allowed; }
.inline-form { display: inline; }
.filters { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0.5rem 0 1rem; padding: 0; list-style: none; }
.filters [aria-current] { font-weight: 700; text-decoration: none; color: var(--s-text); }
table.list { width: 100%; border-collapse: collapse; }
table.list th, table.list td { text-align: left; padding: 0.5rem 0.4rem; border-bottom: 1px solid var(--s-soft-line); vertical-align: top; }
table.list th { font-size: 0.85rem; color: var(--s-muted); }
@media (max-width: 40rem) {
  table.list thead { position: absolute; left: -10000px; }
  table.list tr { display: block; border-bottom: 1px solid var(--s-soft-line); padding: 0.4rem 0; }
  table.list td { display: block; border: 0; padding: 0.1rem 0; }
}
.state { display: inline-block; font-size: 0.8rem; font-weight: 700; padding: 0.05rem 0.4rem; border-radius: 3px; border: 1px solid currentColor; }
.quick-links { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; list-style: none; }
.dashboard-lists { display: grid; gap: 1rem; }
@media (min-width: 56rem) { .dashboard-lists { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
.dashboard-lists ul { padding-left: 1.1rem; }
.pairing ol { list-style: none; padding: 0; margin: 0 0 1rem; }
.pairing li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; padding: 0.5rem; border: 1px solid var(--s-soft-line); border-radius: 4px; margin-bottom: 0.4rem; background: var(--s-bg); }
.pairing li:focus-within, .pairing li:focus { border-color: var(--s-focus); }
.pairing .moves { display: flex; gap: 0.25rem; flex-wrap: wrap; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.progress { width: 100%; height: 1rem; }
.upload-status { min-height: 1.5rem; }
.thumb { max-width: 12rem; height: auto; border: 1px solid var(--s-soft-line); display: block; margin: 0.5rem 0; }
.editor-toolbar { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0 0 0.25rem; }
.editor-toolbar button { padding: 0.2rem 0.55rem; font-size: 0.9rem; background: transparent; color: var(--s-button); }
.editor-toolbar button[aria-pressed=true] { background: var(--s-button); color: var(--s-button-text); }
.editor-surface { min-height: 14rem; padding: 0.5rem 0.75rem; border: 2px solid var(--s-line); border-radius: 4px; background: var(--s-bg); overflow-wrap: anywhere; }
.editor-surface:focus { outline: 3px solid var(--s-focus); outline-offset: 2px; }
.history ol { padding-left: 1.25rem; font-size: 0.95rem; }
.compare { display: grid; gap: 1rem; }
@media (min-width: 48rem) { .compare { grid-template-columns: 1fr 1fr; } }
.compare table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.compare th, .compare td { border: 1px solid var(--s-soft-line); padding: 0.4rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; white-space: pre-wrap; }
.compare tr.differs td { background: var(--s-removed); }
.compare tr.differs td.yours { background: var(--s-added); }
.preview-banner { position: sticky; top: 0; z-index: 10; background: #5c2d91; color: #fff; padding: 0.6rem 1rem; font-weight: 600; }
.preview-banner a { color: #fff; }
pre.feed-item { overflow-x: auto; background: var(--s-panel); padding: 0.75rem; border: 1px solid var(--s-soft-line); white-space: pre-wrap; overflow-wrap: anywhere; }
.gone-list code { overflow-wrap: anywhere; }
`;
