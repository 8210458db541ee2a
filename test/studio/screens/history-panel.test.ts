import { describe, expect, it } from 'vitest';
import { historyLine } from '../../../src/studio/screens/history-panel.tsx';

describe('historyLine', () => {
  it('says when a publication is dated or scheduled for, in the site’s time zone, not as ISO 8601', () => {
    const at = '2026-12-01T06:00:00.000Z';
    expect(historyLine({ action: 'schedule', summary: at }, 'Europe/Paris')).toMatch(
      /^Scheduled for .*07:00/,
    );
    expect(historyLine({ action: 'publish', summary: at }, 'UTC')).toMatch(/^Published, dated .*06:00/);
    expect(historyLine({ action: 'publish', summary: at }, 'UTC')).not.toContain('T06');
  });

  it('puts the action in words before its summary, and keeps unknown actions as recorded', () => {
    expect(historyLine({ action: 'create', summary: 'Harbour Hour' }, 'UTC')).toBe('Created: Harbour Hour');
    expect(historyLine({ action: 'upload', summary: 'artwork replaced' }, 'UTC')).toBe('Artwork replaced');
    expect(historyLine({ action: 'unpublish', summary: '' }, 'UTC')).toBe('Unpublished');
    expect(historyLine({ action: 'rename', summary: 'x' }, 'UTC')).toBe('rename: x');
  });
});
