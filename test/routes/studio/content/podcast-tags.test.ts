import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minuteMp3 } from '../../../helpers/minute-mp3.ts';
import {
  type ContentStudio,
  controlValue,
  documentOf,
  etagIn,
  fieldMessages,
  formEntries,
  openContentStudio,
  page,
  postEntries,
  unlabelledControls,
} from '../../../helpers/studio-screens.ts';
import { tempDirs } from '../../../helpers/temp-dir.ts';

describe('studio: licence, place, soundbites, discussion links and live streams', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  let episodePath: string;
  const showPath = '/studio/shows/1';

  beforeAll(async () => {
    s = await openContentStudio(await newDir());
    const created = await s.editor.post('/studio/episodes', {
      showId: '1',
      title: 'Soundbite test',
      type: 'full',
    });
    expect(created.status).toBe(303);
    episodePath = new URL(created.headers.get('location') ?? '', 'https://x').pathname;
    const { doc } = await page(s.editor, episodePath);
    const audio = await minuteMp3();
    const file = new File([audio.bytes as Uint8Array<ArrayBuffer>], 'minute.mp3', { type: 'audio/mpeg' });
    const stored = await s.editor.post(`${episodePath}/audio`, {
      etag: etagIn(doc, `${episodePath}/audio`),
      file,
    });
    expect(stored.status).toBe(303);
  });
  afterAll(() => s.studio.demo.close());

  const saveShow = async (changes: Record<string, string>) => {
    const { doc } = await page(s.editor, showPath);
    return postEntries(s.editor, showPath, formEntries(doc, showPath), changes);
  };
  const saveEpisode = async (changes: Record<string, string>) => {
    const { doc } = await page(s.editor, episodePath);
    return postEntries(s.editor, episodePath, formEntries(doc, episodePath), changes);
  };

  it('offers labelled licence and place fields on the show, and keeps what is saved', async () => {
    const { doc } = await page(s.editor, showPath);
    expect(doc.getElementById('f-license')?.tagName).toBe('FIELDSET');
    expect(unlabelledControls(doc)).toEqual([]);
    const saved = await saveShow({
      licenseName: 'cc-by-sa-4.0',
      locationName: 'Millbrook harbour',
      locationGeo: 'geo:50.72,-1.88',
      locationOsm: 'W123456',
      locationCountry: 'gb',
      locationRel: 'creator',
    });
    expect(saved.status).toBe(303);
    const after = (await page(s.editor, showPath)).doc;
    expect(controlValue(after, 'f-licenseName')).toBe('CC-BY-SA-4.0');
    expect(controlValue(after, 'f-locationCountry')).toBe('GB');
    expect(after.querySelector('#f-locationRel option[selected]')?.getAttribute('value')).toBe('creator');
    const feed = await (await s.studio.demo.app.request('/podcasts/courier-conversations/feed.xml')).text();
    expect(feed).toContain('<podcast:license>CC-BY-SA-4.0</podcast:license>');
    expect(feed).toContain(
      '<podcast:location rel="creator" geo="geo:50.72,-1.88" osm="W123456" country="GB">',
    );
  });

  it('says what is wrong with a place or licence beside its group, with 400', async () => {
    const bad = await saveShow({ locationGeo: 'geo:95,0', licenseName: 'House licence' });
    expect(bad.status).toBe(400);
    const doc = documentOf(await bad.text());
    expect(doc.getElementById('f-location-error')?.textContent).toMatch(/latitude between -90 and 90/);
    expect(doc.getElementById('f-license-error')?.textContent).toMatch(/URL of the licence text/);
    expect(doc.querySelector('.error-summary a[href="#f-location"]')?.textContent).toBe('Place');
    // cleared when the name is left empty
    expect(
      (
        await saveShow({
          licenseName: '',
          locationName: '',
          locationGeo: '',
          locationOsm: '',
          locationCountry: '',
          locationRel: '',
        })
      ).status,
    ).toBe(303);
    const feed = await (await s.studio.demo.app.request('/podcasts/courier-conversations/feed.xml')).text();
    expect(feed).not.toContain('<podcast:license>');
  });

  it('edits soundbites and discussion links as lines, and shows them back as written', async () => {
    const saved = await saveEpisode({
      soundbites: '0:05 30 The lights come on\r\n0:40.5 15',
      socialInteract: 'activitypub https://social.example/@desk/1 @desk\r\nnostr nostr:note1abc',
      licenseName: 'CC0-1.0',
    });
    expect(saved.status).toBe(303);
    const doc = (await page(s.editor, episodePath)).doc;
    expect(controlValue(doc, 'f-soundbites')).toBe('0:05 30 The lights come on\n0:40.5 15');
    expect(controlValue(doc, 'f-socialInteract')).toBe(
      'activitypub https://social.example/@desk/1 @desk\nnostr nostr:note1abc',
    );
    expect(controlValue(doc, 'f-licenseName')).toBe('CC0-1.0');
    expect(unlabelledControls(doc)).toEqual([]);
  });

  it('puts soundbite problems beside the soundbites: too short, badly written, past the end of the audio', async () => {
    const short = await saveEpisode({ soundbites: '0:05 10 Too short' });
    expect(short.status).toBe(400);
    expect(fieldMessages(documentOf(await short.text()), 'f-soundbites')).toMatch(
      /Soundbite 1 \(durationSeconds\): Must be from 15 to 120 seconds/,
    );
    const garbled = await saveEpisode({ soundbites: 'soon for a while' });
    expect(garbled.status).toBe(400);
    expect(fieldMessages(documentOf(await garbled.text()), 'f-soundbites')).toMatch(/Line 1: start time/);
    const late = await saveEpisode({ soundbites: '1:00 30 Past the end' });
    expect(late.status).toBe(400);
    expect(fieldMessages(documentOf(await late.text()), 'f-soundbites')).toMatch(/past the end of the audio/);
    const social = await saveEpisode({ socialInteract: 'disabled\nactivitypub https://x.example/1' });
    expect(social.status).toBe(400);
    expect(fieldMessages(documentOf(await social.text()), 'f-socialInteract')).toMatch(/cannot stand beside/);
  });

  it('plans a live stream, refuses an end before its start beside the field, goes live and ends it', async () => {
    const { doc } = await page(s.editor, showPath);
    expect(doc.getElementById('live-panel')).not.toBeNull();
    const action = '/studio/shows/1/live-items';
    const fields = formEntries(doc, action);
    const plan = (changes: Record<string, string>) => postEntries(s.editor, action, fields, changes);
    const backwards = await plan({
      title: 'Harbour live',
      startAt: '2026-12-01T18:00',
      endAt: '2026-12-01T17:00',
      streamUrl: 'https://stream.example/harbour.mp3',
    });
    expect(backwards.status).toBe(400);
    const refused = documentOf(await backwards.text());
    expect(fieldMessages(refused, 'f-endAt')).toMatch(/after startAt/);
    expect(controlValue(refused, 'f-live-title')).toBe('Harbour live');

    const planned = await plan({
      title: 'Harbour live',
      startAt: '2026-12-01T18:00',
      endAt: '2026-12-01T20:00',
      streamUrl: 'https://stream.example/harbour.mp3',
    });
    expect(planned.status).toBe(303);
    let panel = (await page(s.editor, showPath)).doc;
    const item = panel.querySelector('[data-live-item]');
    expect(item?.getAttribute('data-status')).toBe('pending');
    const id = item?.getAttribute('data-live-item');
    const statusAction = `/studio/live-items/${id}/status`;
    const goLive = formEntries(panel, statusAction).filter(([name]) => name !== 'status');
    expect((await postEntries(s.editor, statusAction, goLive, { status: 'live' })).status).toBe(303);
    panel = (await page(s.editor, showPath)).doc;
    expect(panel.querySelector(`[data-live-item="${id}"]`)?.getAttribute('data-status')).toBe('live');
    const feed = await (await s.studio.demo.app.request('/podcasts/courier-conversations/feed.xml')).text();
    expect(feed).toMatch(/<podcast:liveItem status="live" start="2026-12-01T18:00:00.000Z"/);

    // the old form (stale ETag) cannot end it: it changed since
    const stale = await postEntries(s.editor, statusAction, goLive, { status: 'ended' });
    expect(stale.status).toBe(412);
    const end = formEntries(panel, statusAction).filter(([name]) => name !== 'status');
    expect((await postEntries(s.editor, statusAction, end, { status: 'ended' })).status).toBe(303);
    panel = (await page(s.editor, showPath)).doc;
    expect(panel.querySelector(`[data-live-item="${id}"]`)?.getAttribute('data-status')).toBe('ended');
    expect(panel.querySelector(`form[action="${statusAction}"]`)).toBeNull();
  });

  it('refuses live streams to a contributor (403)', async () => {
    const response = await postEntries(s.contributor, '/studio/shows/1/live-items', [], {
      title: 'Mine',
      startAt: '2026-12-01T18:00',
      streamUrl: 'https://stream.example/x.mp3',
    });
    expect(response.status).toBe(403);
  });
});
