// The studio's stylesheet: forms and tables readable at 360 px, light and dark, AA contrast, visible focus.

export const STUDIO_CSS = `
:root {
  color-scheme: light dark;
  --text: #1a1a1a; --muted: #545454; --bg: #ffffff; --panel: #f3f3f0; --line: #c8c8c3;
  --link: #0b57a4; --accent: #0b57a4; --on-accent: #ffffff; --danger: #a4161a; --ok: #1e6b30; --focus: #c25100;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #ececea; --muted: #b4b4b0; --bg: #141414; --panel: #222221; --line: #4a4a47;
    --link: #8cc4ff; --accent: #8cc4ff; --on-accent: #0d1b2a; --danger: #ff8a8a; --ok: #8fdc9f; --focus: #ffa05c;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); }
a { color: var(--link); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; display: block; padding: 0.5rem 1rem; background: var(--panel); }
.wrap { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
.studio-header { border-bottom: 1px solid var(--line); background: var(--panel); }
.studio-header .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; padding-top: 0.5rem; padding-bottom: 0.5rem; }
.studio-brand { font-weight: 700; color: var(--text); text-decoration: none; }
.studio-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; margin: 0; padding: 0; list-style: none; }
.studio-nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 2px; }
.studio-user { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; font-size: 0.9rem; color: var(--muted); }
.studio-user form { margin: 0; }
main { padding: 1rem 0 3rem; }
h1 { font-size: clamp(1.4rem, 4vw, 1.9rem); margin: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
.flash { border: 1px solid var(--ok); color: var(--ok); padding: 0.5rem 0.75rem; border-radius: 0.25rem; }
.alert { border: 1px solid var(--danger); color: var(--danger); padding: 0.5rem 0.75rem; border-radius: 0.25rem; }
.panel { background: var(--panel); border-radius: 0.5rem; padding: 0.75rem 1rem 1rem; margin: 1rem 0; }
form.stack { display: grid; gap: 0.75rem; max-width: 32rem; }
.field { display: grid; gap: 0.25rem; }
fieldset { min-width: 0; margin: 0; border: 1px solid var(--line); border-radius: 0.25rem; padding: 0.5rem 0.75rem; }
.field label, .field legend { font-weight: 600; }
fieldset label { font-weight: normal; }
.field .hint { font-size: 0.85rem; color: var(--muted); margin: 0; }
.field .error { font-size: 0.9rem; color: var(--danger); margin: 0; }
input[type="text"], input[type="email"], input[type="password"], input[type="search"], input[type="url"],
input[type="number"], input[type="datetime-local"], select, textarea {
  font: inherit; width: 100%; min-width: 0; padding: 0.45rem 0.55rem; color: var(--text); background: var(--bg);
  border: 1px solid var(--line); border-radius: 0.25rem;
}
input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"] { border-color: var(--danger); }
button, .button {
  font: inherit; display: inline-block; padding: 0.45rem 0.95rem; border-radius: 0.25rem; cursor: pointer;
  border: 1px solid var(--accent); background: var(--accent); color: var(--on-accent); text-decoration: none;
}
button.secondary, .button.secondary { background: transparent; color: var(--link); }
button.danger { background: transparent; border-color: var(--danger); color: var(--danger); }
button.link { background: none; border: none; padding: 0; color: var(--link); text-decoration: underline; }
.inline { display: inline-flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0; }
.table-wrap { overflow-x: auto; position: relative; margin-bottom: 0.75rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; }
.muted { color: var(--muted); }
.secret { font-family: ui-monospace, monospace; word-break: break-all; background: var(--panel); padding: 0.5rem; border-radius: 0.25rem; }
.sign-in { max-width: 24rem; margin: 3rem auto; }
.dashboard-slot { display: grid; gap: 1rem; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
td.actions a { display: inline-block; margin-right: 0.75rem; }
@media (max-width: 40rem) {
  .studio-user { margin-left: 0; width: 100%; }
  th, td { padding: 0.35rem 0.3rem; }
  .users-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .users-table tr { display: block; padding: 0.5rem 0; border-bottom: 1px solid var(--line); }
  .users-table td { display: block; border: 0; padding: 0.2rem 0; }
  .users-table td.user-email { font-weight: 600; word-break: break-all; }
  .users-table td[data-label]:empty { display: none; }
  .users-table td[data-label]:not([data-label="Role"])::before { content: attr(data-label) ": "; color: var(--muted); }
}
`;
