// The site's one stylesheet: small, no web fonts, readable at 360 px, light and dark, AA contrast.

export const SITE_CSS = `
:root {
  color-scheme: light dark;
  --text: #1a1a1a; --muted: #545454; --bg: #ffffff; --panel: #f3f3f0; --line: #d4d4d0;
  --link: #0b57a4; --accent: #8a2d12; --focus: #c25100;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.55;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #ececea; --muted: #b4b4b0; --bg: #141414; --panel: #202020; --line: #3a3a38;
    --link: #8cc4ff; --accent: #ffb59b; --focus: #ffa05c;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); }
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, audio:focus-visible, input:focus-visible, textarea:focus-visible, summary:focus-visible, h1:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
img { max-width: 100%; height: auto; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; display: block; padding: 0.5rem 1rem; background: var(--panel); }
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.site-header { border-bottom: 1px solid var(--line); padding: 0.75rem 0; }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 1.5rem; }
.brand { font-family: Georgia, "Times New Roman", serif; font-size: 1.5rem; font-weight: 700; color: var(--text); text-decoration: none; }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; list-style: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.site-search, .search-form { display: block; flex: 1 1 14rem; max-width: 24rem; }
.site-search form, .search-form form { display: flex; gap: 0.25rem; }
.site-search input, .search-form input { flex: 1; min-width: 0; font: inherit; padding: 0.3rem 0.5rem; color: var(--text); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; }
.site-search button, .search-form button { font: inherit; padding: 0.3rem 0.75rem; color: var(--text); background: var(--panel); border: 1px solid var(--line); border-radius: 4px; }
.search-form { max-width: none; margin: 0.5rem 0 1rem; }
.results mark { background: var(--mark, #fde68a); color: #111; padding: 0 0.1em; }
main { padding: 1rem 0 2rem; }
h1, h2, h3 { font-family: Georgia, "Times New Roman", serif; line-height: 1.2; }
h1 { font-size: clamp(1.6rem, 5vw, 2.3rem); margin: 0.25rem 0 0.5rem; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.8rem; font-weight: 600; }
.kicker a { color: var(--accent); text-decoration: none; }
.standfirst { font-size: 1.15rem; color: var(--muted); margin: 0 0 0.5rem; }
.meta, .byline { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0; }
.body { font-size: 1.05rem; }
.body blockquote { border-left: 3px solid var(--line); margin-left: 0; padding-left: 1rem; color: var(--muted); }
.tags { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; list-style: none; font-size: 0.9rem; }
.tags li { background: var(--panel); border-radius: 999px; padding: 0.1rem 0.7rem; }
.cards { list-style: none; padding: 0; margin: 0; }
.cards > li { border-bottom: 1px solid var(--line); padding: 1rem 0; }
.cards h2, .cards h3 { font-size: 1.3rem; margin: 0.2rem 0; }
.cards h2 a, .cards h3 a { color: var(--text); text-decoration: none; }
.cards h2 a:hover, .cards h3 a:hover { text-decoration: underline; }
.audio-mark { font-size: 0.9rem; margin: 0.25rem 0; }
.podcasts, .panel { background: var(--panel); border-radius: 0.5rem; padding: 0.75rem 1rem 1rem; margin: 1.5rem 0; }
.podcasts h2, .panel h2 { margin: 0.25rem 0 0.5rem; font-size: 1.3rem; }
.players { list-style: none; margin: 0; padding: 0; }
.player { padding: 0.5rem 0; }
.player + .player { border-top: 1px solid var(--line); }
.player h3 { font-size: 1.1rem; margin: 0 0 0.25rem; }
.player audio { width: 100%; margin: 0.25rem 0; }
.player .time { font-variant-numeric: tabular-nums; margin: 0; font-weight: 600; }
.player .actions { margin: 0.25rem 0 0; font-size: 0.9rem; }
.controls { border: 0; margin: 0.25rem 0; padding: 0; min-width: 0; }
.controls[hidden] { display: none; }
.seek { position: relative; margin: 0.25rem 0 0.5rem; }
.seek-bar { width: 100%; margin: 0; accent-color: var(--link); }
.marks { position: absolute; left: 0.5rem; right: 0.5rem; top: 0; bottom: 0; pointer-events: none; }
.marks span { position: absolute; top: 15%; bottom: 15%; width: 2px; margin-left: -1px; background: var(--accent); }
.controls .buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.controls button { min-width: 2.75rem; min-height: 2.75rem; padding: 0.3rem 0.6rem; font-variant-numeric: tabular-nums; }
.controls button[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); }
.controls .play { width: 3.5rem; font-size: 1.1rem; }
.play[data-state="paused"] span::before { content: "▶"; }
.play[data-state="playing"] span::before { content: "❚❚"; }
.controls .resume { margin-top: 0.4rem; background: var(--bg); color: var(--link); }
.controls .status { margin: 0.25rem 0 0; min-height: 1.2em; font-size: 0.9rem; color: var(--muted); overflow-wrap: anywhere; }
.player-chapters { margin: 0.5rem 0 0; font-size: 0.9rem; }
.later-list button { background: var(--bg); color: var(--link); }
.unavailable { color: var(--muted); font-style: italic; }
.chapters { padding-left: 0; list-style: none; }
.chapters li { display: flex; gap: 0.75rem; padding: 0.15rem 0; }
.chapters a { font-variant-numeric: tabular-nums; min-width: 4rem; }
.transcript p { margin: 0.25rem 0; }
.transcript .cue-time { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.5rem; }
.show-head { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.show-head img { width: 10rem; border-radius: 0.5rem; }
.show-head > div { flex: 1 1 16rem; }
.subscribe ul { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; list-style: none; }
.subscribe ul a { display: inline-block; padding: 0.35rem 0.8rem; border: 1px solid var(--line); border-radius: 999px; background: var(--bg); text-decoration: none; }
.feed-url { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.feed-url input { flex: 1 1 14rem; min-width: 0; padding: 0.4rem; font: inherit; font-size: 0.9rem; color: var(--text); background: var(--bg); border: 1px solid var(--line); border-radius: 0.25rem; }
button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 0.25rem; border: 1px solid var(--link); background: var(--link); color: var(--bg); cursor: pointer; }
.share ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; padding: 0; list-style: none; }
.pager { display: flex; justify-content: space-between; margin-top: 1rem; }
.site-footer { border-top: 1px solid var(--line); padding: 1rem 0 2rem; font-size: 0.9rem; color: var(--muted); }
.site-footer h2 { font-size: 1rem; }
.site-footer ul { padding-left: 1.2rem; }
textarea { width: 100%; font: 0.85rem ui-monospace, monospace; color: var(--text); background: var(--bg); border: 1px solid var(--line); }
.embed { padding: 0.75rem; }
.embed .player { padding: 0; }
.embed .embed-head { display: flex; gap: 0.75rem; align-items: center; }
.embed .embed-head img { width: 4rem; border-radius: 0.25rem; }
.embed h1 { font-size: 1.1rem; margin: 0; }
.embed p { margin: 0.1rem 0; font-size: 0.9rem; }
.preview-banner { position: sticky; top: 0; z-index: 10; margin: 0; padding: 0.6rem 1rem; background: #5c2d91; color: #ffffff; font-weight: 600; }
.preview-banner a { color: #ffffff; }
`;
