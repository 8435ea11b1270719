import { DeskError } from '../../core/index.ts';
import { fnv1a } from './hash.ts';
import { assertText } from './tokens.ts';

/** Turns texts into fixed-length vectors; the desk stores them in pgvector columns. */
export interface Embedder {
  readonly dimension: number;
  embed(texts: string[]): Float32Array[];
}

/** Dimension of db migration 004's vector(256) column. */
export const EMBEDDING_DIMENSION = 256;

export interface HashingEmbedderOptions {
  /** Vector length, a whole number >= 8. Default 256. */
  readonly dimension?: number;
}

// Words carry the topic; character n-grams catch inflections ("acquire"/"acquired") and typos.
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.7;
const CHARACTER_WEIGHT = 0.25;
const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/**
 * Offline, deterministic embedder: signed feature hashing (FNV-1a) of word unigrams, word
 * bigrams and character 3-5-grams into `dimension` buckets, then L2-normalised. Same text, same
 * vector, on every machine; an empty text embeds to all zeros.
 *
 * @example
 * const embedder = createHashingEmbedder();
 * const [vector] = embedder.embed(['Apple beat estimates']); // Float32Array(256), norm 1
 */
export function createHashingEmbedder(options: HashingEmbedderOptions = {}): Embedder {
  const dimension = options.dimension ?? EMBEDDING_DIMENSION;
  if (!Number.isInteger(dimension) || dimension < 8) {
    throw new DeskError('invalid_input', `dimension must be a whole number >= 8 (got ${dimension})`, { field: 'dimension' });
  }
  return {
    dimension,
    embed(texts: string[]): Float32Array[] {
      if (!Array.isArray(texts)) {
        throw new DeskError('invalid_input', 'texts must be an array of strings', { field: 'texts' });
      }
      return texts.map((text, index) => {
        assertText(text, `texts[${index}]`);
        return embedOne(text, dimension);
      });
    },
  };
}

function embedOne(text: string, dimension: number): Float32Array {
  const vector = new Float64Array(dimension);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    // Low bits pick the bucket, the top bit the sign, so collisions cancel out on average.
    vector[hash % dimension] += (hash & 0x80000000) === 0 ? weight : -weight;
  };
  const words = text.toLowerCase().normalize('NFKC').match(WORD_PATTERN) ?? [];
  words.forEach((word, index) => {
    add(`w:${word}`, WORD_WEIGHT);
    if (index > 0) add(`b:${words[index - 1]} ${word}`, BIGRAM_WEIGHT);
    const padded = `<${word}>`;
    for (let size = 3; size <= 5; size++) {
      for (let start = 0; start + size <= padded.length; start++) add(`c:${padded.slice(start, start + size)}`, CHARACTER_WEIGHT);
    }
  });
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return Float32Array.from(vector, (value) => (norm === 0 ? 0 : value / norm));
}

/**
 * Cosine similarity of two vectors of equal length (0 when either is all zeros).
 * @example cosineSimilarity(Float32Array.of(1, 0), Float32Array.of(1, 0)) // 1
 */
export function cosineSimilarity(left: Float32Array, right: Float32Array): number {
  if (left.length !== right.length) {
    throw new DeskError('invalid_input', `vectors must have the same length (got ${left.length} and ${right.length})`, { field: 'right' });
  }
  let dot = 0, leftNorm = 0, rightNorm = 0;
  for (let index = 0; index < left.length; index++) {
    dot += left[index] * right[index];
    leftNorm += left[index] * left[index];
    rightNorm += right[index] * right[index];
  }
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}
