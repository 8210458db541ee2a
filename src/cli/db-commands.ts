// `podwire migrate` and `podwire seed`: database chores from the command line.
import { seedDemo } from '../catalog/seed.ts';
import type { Config } from '../config.ts';
import { ValidationError } from '../errors.ts';
import { SILENT_LOGGER } from '../log.ts';
import { createFsMediaStore } from '../node/fs-media-store.ts';
import { BUNDLED_MEDIA_DIR, openNodeRuntime } from '../node/server.ts';

type Print = (text: string) => void;

function refuseArguments(command: string, args: readonly string[]) {
  if (args.length > 0) throw new ValidationError(`${command} takes no arguments (got ${args.join(' ')})`);
}

export async function runMigrate(config: Config, args: readonly string[], print: Print): Promise<number> {
  refuseArguments('migrate', args);
  const runtime = await openNodeRuntime(config, SILENT_LOGGER);
  runtime.db.close();
  print(`database ${runtime.db.location} is up to date`);
  return 0;
}

export async function runSeed(config: Config, args: readonly string[], print: Print): Promise<number> {
  refuseArguments('seed', args);
  const runtime = await openNodeRuntime(config, SILENT_LOGGER);
  try {
    const demoSource = await createFsMediaStore({ root: BUNDLED_MEDIA_DIR });
    const report = await seedDemo({
      db: runtime.db.db,
      media: runtime.media,
      demoSource,
      now: () => new Date(),
    });
    const added = Object.entries(report)
      .filter(([kind, n]) => n > 0 && kind !== 'mediaProbed')
      .map(([kind, n]) => `${n} ${kind}`);
    print(
      added.length > 0
        ? `seeded the demo into ${runtime.db.location}: ${added.join(', ')}`
        : `the demo is already in ${runtime.db.location}; nothing to add`,
    );
    return 0;
  } finally {
    runtime.db.close();
  }
}
