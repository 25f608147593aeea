/**
 * Seeds for fast-check properties. Each property runs twice: on a fixed seed, so that a
 * regression shows on every run with the same inputs, and on a random seed, so that every run
 * also tries new inputs. The random seed is printed; `FC_SEED=<seed> npm test` replays it.
 */
export const FIXED_SEED = 20_261_130;

const random = Number(process.env['FC_SEED'] ?? Date.now() % 1_000_000);
let printed = false;

/** The fixed and the random seed, labelled for test names; prints the random one once per file. */
export function propertySeeds(): ReadonlyArray<{ readonly label: string; readonly seed: number }> {
  if (!printed) console.log(`fast-check seed ${random} (replay with FC_SEED=${random})`);
  printed = true;
  return [
    { label: 'fixed seed', seed: FIXED_SEED },
    { label: 'random seed', seed: random },
  ];
}
