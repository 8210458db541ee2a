// The errors reading a feed can raise: a document podwire refuses to parse, and one that is not a podcast feed.
import { PodwireError } from '../errors.ts';

/**
 * The document declares a DTD or entities (XXE, "billion laughs"), nests absurdly deep, or is not
 * XML: refused before anything in it is used.
 */
export class UnsafeXmlError extends PodwireError {
  override readonly name = 'UnsafeXmlError';
  override readonly status = 422;
  override readonly title = 'Refused XML document';
}

/** Well-formed enough, but not an RSS 2.0 podcast feed (no rss/channel, no items with enclosures). */
export class NotAPodcastFeedError extends PodwireError {
  override readonly name = 'NotAPodcastFeedError';
  override readonly status = 422;
  override readonly title = 'Not a podcast feed';
}
