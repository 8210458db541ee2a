import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { openDemoApp } from '../helpers/demo-app.ts';
import { allElements, readXml } from '../helpers/read-markup.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const HUBS = ['https://hub.example.org/', 'http://127.0.0.1:9/websub?x=1&y=2'];

describe('WebSub discovery and Podping in feeds', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  let plain: Awaited<ReturnType<typeof openDemoApp>>;
  beforeAll(async () => {
    demo = await openDemoApp(await newDir(), {
      config: parseConfig({
        BASE_URL: 'https://news.example',
        WEBSUB_HUBS: HUBS.join(','),
        PODPING_TOKEN: 't',
      }),
    });
    plain = await openDemoApp(await newDir());
  });
  afterAll(() => {
    demo.close();
    plain.close();
  });

  const links = (xml: string) =>
    allElements(readXml(xml))
      .filter((e) => e.name === 'atom:link' || e.name === 'link')
      .filter((e) => e.attributes.rel === 'hub' || e.attributes.rel === 'self')
      .map((e) => `${e.attributes.rel} ${e.attributes.href}`);

  it.each(['/feed.xml', '/feed.atom', '/podcasts/courier-conversations/feed.xml'])(
    '%s names each hub and exactly one self link',
    async (path) => {
      const xml = await (await demo.app.request(path)).text();
      expect(links(xml)).toEqual([`self https://news.example${path}`, ...HUBS.map((hub) => `hub ${hub}`)]);
      const without = await (await plain.app.request(path)).text();
      expect(links(without)).toEqual([`self https://news.example${path}`]);
    },
  );

  it('lists the hubs in JSON Feed', async () => {
    const doc = await (await demo.app.request('/feed.json')).json();
    expect(doc.hubs).toEqual(HUBS.map((url) => ({ type: 'WebSub', url })));
    expect((await (await plain.app.request('/feed.json')).json()).hubs).toBeUndefined();
  });

  it('says the podcast feed uses Podping only when a token is set', async () => {
    const podping = (xml: string) => allElements(readXml(xml)).filter((e) => e.name === 'podcast:podping');
    const path = '/podcasts/courier-conversations/feed.xml';
    expect(podping(await (await demo.app.request(path)).text()).map((e) => e.attributes)).toEqual([
      { usesPodping: 'true' },
    ]);
    expect(podping(await (await plain.app.request(path)).text())).toEqual([]);
  });
});
