// renderOpml(doc): OPML 2.0 listing every feed the site offers, for import into readers and apps.
import { rfc822 } from './feed-dates.ts';
import type { OpmlDocument } from './model.ts';
import { attributes, element, XML_DECLARATION } from './xml.ts';

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
    out.push(`<outline${attributes({ text: group.title })}>`);
    for (const o of group.outlines) {
      out.push(
        `<outline${attributes({ type: o.type, text: o.title, title: o.title, xmlUrl: o.xmlUrl, htmlUrl: o.htmlUrl, description: o.description })}/>`,
      );
    }
    out.push('</outline>');
  }
  out.push('</body>', '</opml>', '');
  return out.join('\n');
}
