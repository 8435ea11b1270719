import { DeskError } from '../../core/index.ts';

/**
 * Seeded pseudo-random numbers in [0, 1) (mulberry32: 32-bit state, fast, good enough for
 * synthetic data; not for cryptography). The same seed always yields the same sequence.
 *
 * @example
 * const random = createRng(42);
 * random(); // 0.6011037519201636, every time for seed 42
 */
export function createRng(seed: number): () => number {
  if (!Number.isInteger(seed)) {
    throw new DeskError('invalid_input', `seed must be an integer (got ${seed})`, { field: 'seed' });
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard-normal draws (mean 0, variance 1) from a uniform source, by Box-Muller.
 * Each pair of uniforms gives two normals; the second is kept for the next call.
 *
 * @example
 * const normal = createStandardNormal(createRng(7));
 * const shock = 0.2 * normal();
 */
export function createStandardNormal(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/**
 * A 32-bit seed derived from a base seed and a label (FNV-1a over "seed:label"), so each
 * symbol of a universe gets its own independent, reproducible stream.
 *
 * @example
 * deriveSeed(42, 'AAPL') !== deriveSeed(42, 'MSFT'); // true
 */
export function deriveSeed(seed: number, label: string): number {
  const text = `${seed}:${label}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
