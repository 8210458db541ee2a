// renderOpenSearch: the OpenSearch 1.1 description document that lets browsers search the site.
import { truncateUtf8 } from '../domain/text.ts';
import { element, emptyElement, XML_DECLARATION } from './xml.ts';

export interface OpenSearchModel {
  readonly siteTitle: string;
  readonly language: string;
  /** The search page, to which `?q={searchTerms}` is added. */
  readonly searchUrl: string;
  /** This document's own URL. */
  readonly selfUrl: string;
}

/**
 * OpenSearch 1.1 (https://github.com/dewitt/opensearch/blob/master/opensearch-1-1-draft-6.md): a
 * ShortName of at most 16 characters, URL templates with `{searchTerms}` (left unescaped: it is the
 * template parameter) for the HTML page and the JSON results. Pure and deterministic.
 */
export function renderOpenSearch(model: OpenSearchModel): string {
  const template = (extra = '') => `${model.searchUrl}?q={searchTerms}${extra}`;
  return [
    XML_DECLARATION,
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    element(
      'ShortName',
      [...model.siteTitle].length <= 16 ? model.siteTitle : `${[...model.siteTitle].slice(0, 15).join('')}…`,
    ),
    element(
      'Description',
      truncateUtf8(`Search ${model.siteTitle}: articles, episodes and transcripts`, 1024),
    ),
    element('InputEncoding', 'UTF-8'),
    element('Language', model.language),
    emptyElement('Url', { type: 'text/html', method: 'get', template: template() }),
    emptyElement('Url', { type: 'application/json', method: 'get', template: template('&format=json') }),
    emptyElement('Url', {
      type: 'application/opensearchdescription+xml',
      rel: 'self',
      template: model.selfUrl,
    }),
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
