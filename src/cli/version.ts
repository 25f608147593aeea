/**
 * The package's version for `--version`, read from its package.json: the nearest one above this
 * file named `pathway-scheduler` (src/cli under tsx, dist/src/cli when built or installed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version in package.json. @throws when no package.json of this package is found (a broken install). */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'pathway-scheduler' && typeof pkg.version === 'string') return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('the package.json of pathway-scheduler was not found above the command');
    dir = up;
  }
}
