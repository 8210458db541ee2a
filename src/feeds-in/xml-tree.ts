// parseXmlTree(text): a small element tree with resolved namespaces, refusing DTDs and entities outright.
import { Parser } from 'htmlparser2';
import { UnsafeXmlError } from './feed-errors.ts';

export interface XmlElement {
  /** `prefix:local` with the prefix podwire knows the namespace by (KNOWN_NAMESPACES), else as written. */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (CDATA included), concatenated. */
  text: string;
}

/** Namespace URIs (and variants seen in the wild) → the prefix podwire reads them by. */
const KNOWN_NAMESPACES: Readonly<Record<string, string>> = {
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'https://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'https://podcastindex.org/namespace/1.0': 'podcast',
  'http://podcastindex.org/namespace/1.0': 'podcast',
  'https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md': 'podcast',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/2005/Atom': 'atom',
  'http://search.yahoo.com/mrss/': 'media',
};

/** Deeper than this is no feed: refused, so a crafted document cannot exhaust the stack. */
const MAX_DEPTH = 64;
/** Elements in one document; a 50 MB feed of 100,000 items stays well within. */
const MAX_ELEMENTS = 5_000_000;

/**
 * Parses with htmlparser2 in XML mode, which never expands entities beyond XML's five and numeric
 * references. A DOCTYPE (and with it any DTD, external entity or entity bomb) is refused the moment
 * the parser meets it, before the root element: nothing in such a document is ever used.
 */
export function parseXmlTree(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: { element: XmlElement; scope: Readonly<Record<string, string>> }[] = [
    { element: root, scope: {} },
  ];
  let count = 0;
  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        if (name.startsWith('!')) {
          const what = name.slice(1).toUpperCase();
          throw new UnsafeXmlError(
            `the feed declares a ${what} (<!${what} ...>): podwire refuses documents with DTDs or entity declarations (external entities and entity expansion attacks such as XXE and "billion laughs" hide there)`,
          );
        }
      },
      onopentag(name, attributes) {
        const parent = stack[stack.length - 1] as (typeof stack)[number];
        if (stack.length > MAX_DEPTH) {
          throw new UnsafeXmlError(`the feed nests elements more than ${MAX_DEPTH} deep`);
        }
        if (++count > MAX_ELEMENTS) throw new UnsafeXmlError(`the feed has over ${MAX_ELEMENTS} elements`);
        const scope = scopeOf(parent.scope, attributes);
        const element: XmlElement = { name: knownName(name, scope), attributes, children: [], text: '' };
        parent.element.children.push(element);
        stack.push({ element, scope });
      },
      ontext(data) {
        const top = stack[stack.length - 1] as (typeof stack)[number];
        top.element.text += data;
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(text);
  parser.end();
  return root;
}

function scopeOf(parent: Readonly<Record<string, string>>, attributes: Record<string, string>) {
  let scope: Record<string, string> | undefined;
  for (const [name, value] of Object.entries(attributes)) {
    if (!name.startsWith('xmlns:')) continue;
    scope ??= { ...parent };
    scope[name.slice(6)] = value.trim();
  }
  return scope ?? parent;
}

/** `itunes:duration` whatever prefix the feed bound the iTunes namespace to; an unbound prefix stays as written. */
function knownName(name: string, scope: Readonly<Record<string, string>>): string {
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  const uri = scope[name.slice(0, colon)];
  const known = uri === undefined ? undefined : KNOWN_NAMESPACES[uri];
  return known === undefined ? name : `${known}:${name.slice(colon + 1)}`;
}

/** The first child named `name`. */
export const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);

/** Every child named `name`. */
export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((c) => c.name === name);

/** The trimmed text of the first child named `name`, or undefined when absent or empty. */
export function childText(element: XmlElement, name: string): string | undefined {
  const text = child(element, name)?.text.trim();
  return text === undefined || text === '' ? undefined : text;
}

/**
 * The document's text from its bytes: the encoding its XML declaration names (ISO-8859-1,
 * Windows-1252...) or UTF-8; a byte-order mark wins, as XML 1.0 Appendix F says.
 */
export function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\uFEFF?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  let label = 'utf-8';
  if (declared) {
    try {
      new TextDecoder(declared);
      label = declared;
    } catch {
      // Unknown to TextDecoder: read as UTF-8.
    }
  }
  return new TextDecoder(label).decode(bytes);
}
