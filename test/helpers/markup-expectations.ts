// Assertions on what a reader gets from an element: plain text, text sent as HTML, or sanitised HTML.
import { expect } from 'vitest';
import type { Html } from '../../src/domain/html.ts';
import { stripForbidden } from '../../src/feeds/xml.ts';
import { htmlFragment, liveScript, markupShape, type XmlElement } from './read-markup.ts';

/** An element that holds HTML, given plain text: decoded and parsed, it is that text and no markup. */
export function expectTextAsHtml(html: string, text: string, where: string) {
  const root = htmlFragment(html);
  expect(markupShape(root), where).toEqual([]);
  expect(root.textContent, where).toBe(stripForbidden(text));
}

/** An element that holds HTML, given sanitised HTML: exactly that markup, nothing that runs script. */
export function expectSanitised(html: string, source: Html, where: string) {
  const root = htmlFragment(html);
  expect(markupShape(root), where).toEqual(markupShape(htmlFragment(stripForbidden(source))));
  expect(liveScript(root), where).toEqual([]);
}

/** A plain-text element: exactly the text, nothing for a reader to decode a second time. */
export function expectPlain(element: XmlElement | undefined, text: string, where: string) {
  expect(element?.text, where).toBe(stripForbidden(text));
}
