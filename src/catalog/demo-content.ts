// The demo site's content: an invented local paper, the Millbrook Courier, and its podcast. All text original.
import type { NewArticle, NewEpisode, NewSection, NewShow } from '../db/schema.ts';

/** Fixed times keep the seed deterministic: the same demo renders the same bytes everywhere. */
const at = (iso: string) => new Date(iso);

export interface DemoMediaFile {
  readonly key: string;
  /** Audio is probed for its length; images are measured; transcripts are recognised. */
  readonly kind: 'audio' | 'image' | 'transcript';
}

export const DEMO_MEDIA: readonly DemoMediaFile[] = [
  { key: 'demo/briefing-01-tide-mill-people.mp3', kind: 'audio' },
  { key: 'demo/briefing-02-tide-mill-machine.mp3', kind: 'audio' },
  { key: 'demo/show-artwork.jpg', kind: 'image' },
  { key: 'demo/briefing-01-tide-mill-people.vtt', kind: 'transcript' },
  { key: 'demo/briefing-02-tide-mill-machine.vtt', kind: 'transcript' },
];

/** Fixed time at which the demo's media records are stamped as stored. */
export const DEMO_STORED_AT = at('2026-10-01T08:00:00Z');

type SeedSection = Omit<NewSection, 'id'>;
export const DEMO_SECTIONS: readonly SeedSection[] = [
  { slug: 'town', name: 'Town', description: 'Council, harbour and the life of Millbrook.', position: 1 },
  { slug: 'science', name: 'Science', description: 'Discoveries made in and around the town.', position: 2 },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Music, books and the people who make them.',
    position: 3,
  },
].map((s) => ({ ...s, createdAt: DEMO_STORED_AT, updatedAt: DEMO_STORED_AT }));

export const DEMO_SHOW: Omit<NewShow, 'id' | 'artworkAssetId'> & { artworkKey: string } = {
  slug: 'courier-conversations',
  podcastGuid: '3b8215f3-8fb3-5436-aeba-56d3a4abe4ec',
  title: 'Courier Conversations',
  subtitle: 'The weekly programme from the Millbrook Courier newsroom',
  description:
    'Courier Conversations is the weekly programme from the newsroom of the Millbrook Courier, an ' +
    'invented local paper. Each episode takes one story further than the page can: the people, the ' +
    'places and the long way round. This is demonstration content for podwire, written for it and ' +
    'read by a synthesised voice.',
  language: 'en',
  author: 'Millbrook Courier',
  ownerName: 'Millbrook Courier audio desk',
  ownerEmail: 'audio@millbrook-courier.example',
  artworkKey: 'demo/show-artwork.jpg',
  categories: [{ category: 'News', subcategory: 'Daily News' }, { category: 'History' }],
  explicit: false,
  type: 'serial',
  copyright: '© 2026 Millbrook Courier (demo content)',
  locked: false,
  funding: [{ url: 'https://millbrook-courier.example/support', title: 'Support local journalism' }],
  medium: 'podcast',
  persons: [{ name: 'Ada Fenwick', role: 'host', group: 'cast' }],
  createdAt: DEMO_STORED_AT,
  updatedAt: DEMO_STORED_AT,
};

type SeedEpisode = Omit<NewEpisode, 'id' | 'showId' | 'audioAssetId' | 'transcriptAssetId'> & {
  audioKey: string;
  transcriptKey: string;
};
export const DEMO_EPISODES: readonly SeedEpisode[] = [
  {
    guid: '9899f782-ccfc-47cd-b114-d75c303239bd',
    slug: 'tide-mill-part-1-the-people',
    title: 'The tide mill wakes up, part 1: the people',
    summary:
      'The tide mill on Saltings Creek turned again this autumn after ninety years. We meet the ' +
      "miller's family who kept her ledger, and the volunteers who dug out the pond by hand.",
    contentHtml:
      '<p>The tide mill on Saltings Creek turned again this autumn after ninety years.</p>' +
      '<p>In this first of two parts we meet the family of Agnes Rowe, the last miller, and the ' +
      'forty volunteers who spent two winters digging silt out of the mill pond.</p>' +
      '<p>Read the story: <a href="/articles/tide-mill-turns-again">The tide mill on Saltings Creek turns again</a>.</p>',
    status: 'published',
    publishedAt: at('2026-10-09T06:00:00Z'),
    season: 1,
    number: 1,
    type: 'full',
    audioKey: 'demo/briefing-01-tide-mill-people.mp3',
    transcriptKey: 'demo/briefing-01-tide-mill-people.vtt',
    persons: [{ name: 'Ada Fenwick', role: 'host', group: 'cast' }],
    createdAt: at('2026-10-08T16:00:00Z'),
    updatedAt: at('2026-10-09T06:00:00Z'),
  },
  {
    guid: 'a72a49bf-b699-4a66-9642-bbcd7b18d7c2',
    slug: 'tide-mill-part-2-the-machine',
    title: 'The tide mill wakes up, part 2: the machine',
    summary:
      'Inside the restored tide mill: an oak wheel five metres across, the gears that turn the ' +
      'stones, and why millers worked by the moon rather than the clock.',
    contentHtml:
      '<p>In the second part we go inside the machine: the new oak wheel, the pit wheel and wallower, ' +
      'and a matched pair of millstones found in a barn across the county.</p>' +
      '<p>Read the story: <a href="/articles/tide-mill-turns-again">The tide mill on Saltings Creek turns again</a>.</p>',
    status: 'published',
    publishedAt: at('2026-10-16T06:00:00Z'),
    season: 1,
    number: 2,
    type: 'full',
    audioKey: 'demo/briefing-02-tide-mill-machine.mp3',
    transcriptKey: 'demo/briefing-02-tide-mill-machine.vtt',
    persons: [{ name: 'Ada Fenwick', role: 'host', group: 'cast' }],
    createdAt: at('2026-10-15T16:00:00Z'),
    updatedAt: at('2026-10-16T06:00:00Z'),
  },
];

type SeedArticle = Omit<NewArticle, 'id' | 'sectionId'> & { sectionSlug: string; episodeGuids?: string[] };
const byline = (name: string) => [{ name }];
const paragraphs = (...texts: string[]) => texts.map((text) => `<p>${text}</p>`).join('\n');

export const DEMO_ARTICLES: readonly SeedArticle[] = [
  {
    slug: 'tide-mill-turns-again',
    guid: 'urn:uuid:3d9d23c4-aa32-4356-9a4e-169b5be87de0',
    headline: 'The tide mill on Saltings Creek turns again',
    standfirst:
      'Ninety years after its last miller locked the door, the restored mill ground its first test ' +
      'batch on the autumn spring tide.',
    bodyHtml: paragraphs(
      'At a quarter past six on a grey October morning, the sluice gates of the Saltings Creek tide mill ' +
        'opened and the pond began to empty through the race. For the first time since 1936 the wheel took ' +
        'the weight of the water and turned.',
      'The restoration has taken six years and the work of more than a hundred people. Forty volunteers dug ' +
        'the silted pond out by hand over two winters; a wheelwright built the new wheel from a single oak ' +
        'brought down by a storm in Hollin Wood.',
      '"You could hear it before you could see it," said Ada Fenwick, who chairs the mill trust. "The whole ' +
        'building started to hum."',
      'The trust plans public milling days from the spring. Our two-part podcast series, below, goes inside ' +
        'the mill and meets the people who brought it back.',
    ),
    authors: byline('Ada Fenwick'),
    sectionSlug: 'town',
    tags: ['tide mill', 'heritage', 'Saltings Creek'],
    status: 'published',
    publishedAt: at('2026-10-16T07:30:00Z'),
    createdAt: at('2026-10-15T18:00:00Z'),
    updatedAt: at('2026-10-16T07:30:00Z'),
    episodeGuids: ['9899f782-ccfc-47cd-b114-d75c303239bd', 'a72a49bf-b699-4a66-9642-bbcd7b18d7c2'],
  },
  {
    slug: 'quarry-meteor-count',
    guid: 'urn:uuid:beeb81b2-1eb1-4e7a-b57b-b01d8032eea9',
    headline: 'Night-sky survey at the old quarry counts a record 212 meteors',
    standfirst:
      'Clear skies and a dark site gave the astronomy club its best night in twelve years of counting.',
    bodyHtml: paragraphs(
      'Members of the Millbrook Astronomy Club logged 212 meteors in four hours from the floor of the disused ' +
        'quarry on Beacon Hill, beating their previous best by more than fifty.',
      'The quarry walls block the glow of the town, said club secretary Tomasz Wright, which makes it one of ' +
        'the darkest places within a short walk of a bus stop.',
      'The counts are sent to an international database that tracks the activity of meteor showers year by year.',
    ),
    authors: byline('Priya Mendes'),
    sectionSlug: 'science',
    tags: ['astronomy', 'Beacon Hill'],
    status: 'published',
    publishedAt: at('2026-10-14T12:00:00Z'),
    createdAt: at('2026-10-14T09:00:00Z'),
    updatedAt: at('2026-10-14T12:00:00Z'),
  },
  {
    slug: 'seed-library-thousandth-packet',
    guid: 'urn:uuid:73ec2e95-2dfc-4bc0-bbd0-28ed5fb187c4',
    headline: "Library's seed bank lends its thousandth packet",
    standfirst: 'Borrowers take seeds in spring and bring back a share of the harvest in autumn.',
    bodyHtml: paragraphs(
      'The seed library on the first floor of Millbrook Library lent its thousandth packet this week: a ' +
        'climbing bean first grown on a farm above the harbour a century ago.',
      'The scheme asks borrowers to save seed from their best plants and return some of it, so the collection ' +
        'grows each year and adapts to local gardens.',
    ),
    authors: byline('Jon Okafor'),
    sectionSlug: 'town',
    tags: ['library', 'gardening'],
    status: 'published',
    publishedAt: at('2026-10-12T09:15:00Z'),
    createdAt: at('2026-10-11T17:00:00Z'),
    updatedAt: at('2026-10-12T09:15:00Z'),
  },
  {
    slug: 'fishermens-choir-first-album',
    guid: 'urn:uuid:8a8b6680-e29a-449f-b655-c53de05b89c2',
    headline: "Retired fishermen's choir records its first album",
    standfirst: 'Twenty-two voices, a harbour shed and a borrowed microphone.',
    bodyHtml: paragraphs(
      'The Harbour Voices, a choir of twenty-two retired fishermen and their friends, have recorded their ' +
        'first album in the net shed where they rehearse every Thursday.',
      'The songs are their own arrangements of working songs remembered from their fathers. The album will be ' +
        'launched with a concert in the fish market at the end of the month.',
    ),
    authors: byline('Priya Mendes'),
    sectionSlug: 'culture',
    tags: ['music', 'harbour'],
    status: 'published',
    publishedAt: at('2026-10-10T16:45:00Z'),
    createdAt: at('2026-10-10T11:00:00Z'),
    updatedAt: at('2026-10-10T16:45:00Z'),
  },
  {
    slug: 'ferry-pier-weather-station',
    guid: 'urn:uuid:c924919c-e48a-4dfc-9ab6-944b85e63968',
    headline: 'Students build a weather station on the ferry pier',
    standfirst: 'Readings every minute, open to anyone, and a wind record already broken.',
    bodyHtml: paragraphs(
      'Students from Millbrook College have fixed a weather station to the end of the ferry pier. It measures ' +
        'wind, rain, temperature and air pressure every minute and publishes the readings openly.',
      'In its first week it recorded a gust of 94 kilometres an hour, the strongest the town has measured.',
    ),
    authors: byline('Tomasz Wright'),
    sectionSlug: 'science',
    tags: ['weather', 'education'],
    status: 'published',
    publishedAt: at('2026-10-07T10:00:00Z'),
    createdAt: at('2026-10-06T15:00:00Z'),
    updatedAt: at('2026-10-08T08:20:00Z'),
  },
  {
    slug: 'car-free-market-morning',
    guid: 'urn:uuid:019fc154-fa9f-4cfa-998c-835edd0e4e9b',
    headline: 'Council agrees to a car-free market morning',
    standfirst:
      'High Street will close to traffic from eight until one on Saturdays for a trial of six months.',
    bodyHtml: paragraphs(
      'Councillors voted nine to four on Tuesday to close High Street to cars on Saturday mornings, giving the ' +
        'market room to spread from the square.',
      'Traders will be surveyed at three and six months before the council decides whether to keep it.',
    ),
    authors: byline('Jon Okafor'),
    sectionSlug: 'town',
    tags: ['council', 'market'],
    status: 'published',
    publishedAt: at('2026-10-05T18:30:00Z'),
    createdAt: at('2026-10-05T14:00:00Z'),
    updatedAt: at('2026-10-05T18:30:00Z'),
  },
  {
    slug: 'harbour-wall-repairs-draft',
    guid: 'urn:uuid:a102fab1-6dd4-4b31-8602-de4f1fd8e5a4',
    headline: 'Harbour wall repairs to start in the new year',
    standfirst: 'A draft, not yet published: it must not appear on the site or in any feed.',
    bodyHtml: paragraphs('Work on the north harbour wall is expected to take eight weeks.'),
    authors: byline('Ada Fenwick'),
    sectionSlug: 'town',
    tags: ['harbour'],
    status: 'draft',
    publishedAt: null,
    createdAt: at('2026-10-17T09:00:00Z'),
    updatedAt: at('2026-10-17T09:00:00Z'),
  },
];
