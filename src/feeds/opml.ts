// renderOpml(doc): OPML 2.0 listing every feed the site offers, for import into readers and apps.
import { htmlFromText } from '../domain/html.ts';
import { rfc822 } from './feed-dates.ts';
import type { OpmlDocument } from './model.ts';
import { attributes, element, XML_DECLARATION } from './xml.ts';

/** An outline's `text` may hold encoded HTML (OPML 2.0), so names are escaped for HTML there; `title` is plain. */
export function renderOpml(doc: OpmlDocument): string {
  const out = [
    XML_DECLARATION,
    '<opml version="2.0">',
    `<head>${element('title', doc.title)}${element('dateModified', rfc822(doc.dateModified))}${
      doc.ownerName ? element('ownerName', doc.ownerName) : ''
    }</head>`,
    '<body>',
  ];
  for (const group of doc.groups) {
    out.push(`<outline${attributes({ text: htmlFromText(group.title) })}>`);
    for (const o of group.outlines) {
      out.push(
        `<outline${attributes({ type: o.type, text: htmlFromText(o.title), title: o.title, xmlUrl: o.xmlUrl, htmlUrl: o.htmlUrl, description: o.description })}/>`,
      );
    }
    out.push('</outline>');
  }
  out.push('</body>', '</opml>', '');
  return out.join('\n');
}
