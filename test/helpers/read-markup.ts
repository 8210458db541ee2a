// Reading rendered feeds and pages back as a reader does: a strict XML 1.0 parse (saxes), then the
// HTML that some elements carry, parsed with linkedom; and what in that HTML would run script.
import { parseHTML } from 'linkedom';
import { SaxesParser } from 'saxes';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** The character data directly inside, references decoded. */
  readonly text: string;
  readonly children: readonly XmlElement[];
}

/** The root element of `xml`; throws unless the document is well-formed XML 1.0. */
export function readXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  type Open = { name: string; attributes: Record<string, string>; text: string; children: Open[] };
  const open: Open[] = [];
  let root: Open | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const element: Open = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      text: '',
      children: [],
    };
    open.at(-1)?.children.push(element);
    root ??= element;
    open.push(element);
  });
  const append = (text: string) => {
    const current = open.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('closetag', () => open.pop());
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return root;
}

/** The children of `parent` named `name`. */
export const childrenNamed = (parent: XmlElement, name: string) =>
  parent.children.filter((c) => c.name === name);

/** The first child of `parent` named `name`; throws when there is none. */
export function child(parent: XmlElement, name: string): XmlElement {
  const found = parent.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${parent.name}> has no <${name}>`);
  return found;
}

/** `root` and every element under it, in document order. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');

/** `html` parsed as body content, the way a feed reader shows a description. */
export function htmlFragment(html: string): Element {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

/** A whole page parsed as a browser would get it. */
export function htmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** `name[attribute,…]` for each element under `root`, in document order: the markup's shape. */
export function markupShape(root: ParentNode): string[] {
  return [...root.querySelectorAll('*')].map(
    (el) => `${el.localName}[${[...el.attributes].map((a) => a.name).join(',')}]`,
  );
}

const SCRIPT_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'base', 'form', 'meta']);

/** What in an HTML fragment would run script or load what a sanitiser keeps out: one line each. */
export function liveScript(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (SCRIPT_ELEMENTS.has(el.localName)) found.push(`<${el.localName}>`);
    for (const attribute of el.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`<${el.localName} ${attribute.name}>`);
      if (/^\s*(?:javascript|vbscript|data):/i.test(attribute.value))
        found.push(`<${el.localName} ${attribute.name}="${attribute.value}">`);
    }
  }
  return found;
}
