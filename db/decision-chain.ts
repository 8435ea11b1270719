import { createHash } from 'node:crypto';
import type { CriticVerdict, Decision } from '../core/index.ts';
import { canonicalJson } from './canonical-json.ts';

/** previous_hash of the first row of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** A chained row without its hash fields: what the hash covers. */
export type DecisionContent = Omit<Decision, 'previousHash' | 'hash'>;
export type VerdictContent = Omit<CriticVerdict, 'previousHash' | 'hash'>;

/**
 * sha256 (hex) of the previous hash followed by the canonical JSON of the row's content
 * (every field except previousHash and hash: ids, sequence, createdAt included).
 *
 * @example chainHash(GENESIS_HASH, decisionContent) // '3f1c…' (64 hex digits)
 */
export function chainHash(previousHash: string, content: object): string {
  return createHash('sha256').update(previousHash).update(canonicalJson(content)).digest('hex');
}

/** The content fields of a stored row (drops previousHash and hash). */
export function contentOf<T extends { previousHash: string; hash: string }>(row: T): Omit<T, 'previousHash' | 'hash'> {
  const { previousHash: _previous, hash: _hash, ...content } = row;
  return content;
}

/** Checks one chain page by page; the first problem found is kept. */
export class ChainChecker {
  count = 0;
  brokenSequence: number | null = null;
  problem: string | null = null;
  private previousHash = GENESIS_HASH;

  constructor(private readonly label: string) {}

  get ok(): boolean {
    return this.problem === null;
  }

  /** Check the next row in sequence order; after the first problem, rows are only counted. */
  check(row: Decision | CriticVerdict): boolean {
    this.count += 1;
    if (!this.ok) return false;
    const expectedSequence = this.count;
    if (row.sequence !== expectedSequence) return this.fail(expectedSequence, `${this.label} ${expectedSequence} is missing (next stored sequence is ${row.sequence})`);
    if (row.previousHash !== this.previousHash) return this.fail(row.sequence, `${this.label} ${row.sequence} (${row.id}) does not link to the previous row: previous_hash ${short(row.previousHash)}, expected ${short(this.previousHash)}`);
    const computed = chainHash(row.previousHash, contentOf(row));
    if (computed !== row.hash) return this.fail(row.sequence, `${this.label} ${row.sequence} (${row.id}) was altered: stored hash ${short(row.hash)}, content hashes to ${short(computed)}`);
    this.previousHash = row.hash;
    return true;
  }

  private fail(sequence: number, problem: string): false {
    this.brokenSequence = sequence;
    this.problem = problem;
    return false;
  }
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
