// The markup the body editor keeps from pasted or hand-typed HTML: a few structural elements and http(s)/mailto links, nothing
// that runs or loads. The site's sanitiser (sanitize-html) remains the boundary for what readers get; this keeps the editing
// surface inert and the stored body tidy. Parsed with DOMParser, so nothing is fetched or run while reading it.

const KEPT = new Set([
  'P',
  'H2',
  'H3',
  'H4',
  'STRONG',
  'B',
  'EM',
  'I',
  'A',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'BR',
  'CODE',
  'PRE',
]);
/** Elements whose content is dropped with them (not unwrapped). */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'NOSCRIPT',
  'SVG',
  'MATH',
  'HEAD',
  'TITLE',
]);

function copy(from: Node, into: Node, doc: Document): void {
  for (const child of from.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      into.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (!(child instanceof Element) || DROPPED.has(child.tagName)) continue;
    if (!KEPT.has(child.tagName)) {
      copy(child, into, doc); // unwrap: keep the text, lose the element
      continue;
    }
    const element = doc.createElement(child.tagName.toLowerCase());
    const href = child.getAttribute('href');
    if (child.tagName === 'A' && href && /^(https?:|mailto:)/i.test(href.trim()))
      element.setAttribute('href', href.trim());
    copy(child, element, doc);
    into.appendChild(element);
  }
}

/** `html` reduced to the kept elements, as a fragment of `doc`. */
export function cleanFragment(html: string, doc: Document = document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const fragment = doc.createDocumentFragment();
  copy(parsed.body, fragment, doc);
  return fragment;
}
