// What `podwire import` prints: the dry-run plan, the summary with failures, and the steps that finish the move.
import type { ImportJobView } from '../catalog/import/import-jobs.ts';
import type { ImportPlan } from '../catalog/import/import-plan.ts';

/** The plan of a dry run, one line per episode that would change, then the counts. */
export function planText(plan: ImportPlan): string[] {
  const lines = [
    `would read ${plan.feedUrl}${plan.path.length > 1 ? ` (via ${plan.path.join(' → ')})` : ''}`,
    `show: would ${plan.show.action === 'unchanged' ? 'leave unchanged' : plan.show.action} "${plan.show.title}"${plan.show.slug ? ` (${plan.show.slug})` : ''}`,
  ];
  for (const e of plan.episodes) {
    if (e.action === 'unchanged') continue;
    lines.push(`${e.action.padEnd(9)} ${e.guid} "${e.title}"${e.reason ? `: ${e.reason}` : ''}`);
  }
  const count = (action: string) => plan.episodes.filter((e) => e.action === action).length;
  lines.push(
    `${plan.episodes.length} episodes: ${count('create')} to create, ${count('update')} to update, ` +
      `${count('unchanged')} unchanged, ${count('conflict')} in conflict; nothing was written (--dry-run)`,
  );
  for (const warning of plan.warnings) lines.push(`warning: ${warning}`);
  return lines;
}

/** The summary of a finished job: counts, each failure with its reason, warnings, and the moving steps. */
export function summaryText(view: ImportJobView): { out: string[]; err: string[] } {
  const { summary } = view;
  const out = [
    `imported ${view.feedUrl ?? view.source} into show ${view.show?.slug} (${view.showStatus}): ` +
      `${view.progress.total} episodes: ${summary.new} new, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged, ${summary.failed} failed`,
  ];
  const err = view.failures.map((f) => `podwire: ${f.guid} "${f.title}": ${f.reason}`);
  for (const warning of view.warnings) err.push(`podwire: warning: ${warning}`);
  if (view.show) out.push(`podwire's feed for the show: ${view.show.feedUrl}`);
  if (view.movingSteps.length > 0) {
    out.push('To finish the move:');
    view.movingSteps.forEach((step, i) => {
      out.push(`  ${i + 1}. ${step}`);
    });
  }
  return { out, err };
}
