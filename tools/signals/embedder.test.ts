import { describe, expect, it } from 'vitest';
import { cosineSimilarity, createHashingEmbedder, EMBEDDING_DIMENSION } from './embedder.ts';
import { fnv1a } from './hash.ts';

const embedder = createHashingEmbedder();
const similarity = (left: string, right: string) => {
  const [leftVector, rightVector] = embedder.embed([left, right]);
  return cosineSimilarity(leftVector, rightVector);
};

describe('createHashingEmbedder', () => {
  it('embeds into 256 dimensions, matching the vector(256) column', () => {
    expect(embedder.dimension).toBe(EMBEDDING_DIMENSION);
    const [vector] = embedder.embed(['Apple beat estimates']);
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector.length).toBe(256);
  });

  it('returns unit-length vectors and gives identical texts cosine 1', () => {
    const [vector] = embedder.embed(['Nvidia raised guidance']);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(similarity('Nvidia raised guidance', 'Nvidia raised guidance')).toBeCloseTo(1, 6);
  });

  it('is deterministic across embedder instances', () => {
    const again = createHashingEmbedder().embed(['Tesla cut prices'])[0];
    expect(Array.from(again)).toEqual(Array.from(embedder.embed(['Tesla cut prices'])[0]));
  });

  it('places related texts closer than unrelated ones', () => {
    const anchor = 'Apple beat quarterly earnings estimates';
    const related = similarity(anchor, 'Apple quarterly earnings beat analyst estimates');
    const inflected = similarity('Microsoft acquires a gaming company', 'Microsoft acquired gaming companies');
    const unrelated = similarity(anchor, 'The Federal Reserve held interest rates steady');
    expect(related).toBeGreaterThan(unrelated + 0.3);
    expect(inflected).toBeGreaterThan(unrelated + 0.3);
  });

  it('embeds an empty text to zeros, which is similar to nothing', () => {
    const [empty, other] = embedder.embed(['', 'Apple']);
    expect(Array.from(empty).every((value) => value === 0)).toBe(true);
    expect(cosineSimilarity(empty, other)).toBe(0);
  });

  it.each([[0], [7], [12.5]])('refuses dimension %s with a named field', (dimension) => {
    expect(() => createHashingEmbedder({ dimension })).toThrow(expect.objectContaining({ code: 'invalid_input', details: { field: 'dimension' } }));
  });

  it('refuses a non-string text and names its position', () => {
    expect(() => embedder.embed(['ok', 3 as unknown as string])).toThrow(expect.objectContaining({ details: { field: 'texts[1]' } }));
  });
});

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('cosineSimilarity', () => {
  it('refuses vectors of different lengths', () => {
    expect(() => cosineSimilarity(new Float32Array(2), new Float32Array(3))).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
