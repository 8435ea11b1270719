import type { TextEmbedder } from '../../core/index.ts';
import { createHashingEmbedder, EMBEDDING_DIMENSION } from './embedder.ts';

/** Name recorded with the hashing embedder's vectors. */
export const HASHING_EMBEDDER_NAME = `hashing-${EMBEDDING_DIMENSION}-v1`;

/**
 * The offline hashing embedder (256-d, no model download) as the TextEmbedder port that the
 * semantic index takes; a hosted embedding API can implement the same port.
 *
 * @example const [vector] = await createHashingTextEmbedder().embed(['Nvidia beat estimates']);
 */
export function createHashingTextEmbedder(): TextEmbedder {
  const embedder = createHashingEmbedder({ dimension: EMBEDDING_DIMENSION });
  return { name: HASHING_EMBEDDER_NAME, dimension: embedder.dimension, embed: async (texts) => embedder.embed(texts) };
}
