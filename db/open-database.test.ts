import { describe, expect, it } from 'vitest';
import { isDeskError } from '../core/index.ts';
import { maskDatabaseUrl, openDatabase } from './index.ts';

describe('maskDatabaseUrl', () => {
  it('hides the password of a URL', () => {
    expect(maskDatabaseUrl('postgres://desk:s3cret@db.example:5432/desk')).toBe('postgres://desk:***@db.example:5432/desk');
  });

  it('hides a password given as a query parameter or key=value', () => {
    expect(maskDatabaseUrl('postgres://db/desk?password=s3cret')).not.toContain('s3cret');
    expect(maskDatabaseUrl('host=db password=s3cret dbname=desk')).toBe('host=db password=*** dbname=desk');
  });

  it('leaves a URL without a password as it is', () => {
    expect(maskDatabaseUrl('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test');
  });
});

describe('openDatabase', () => {
  it('reports an unreachable server as database_error with the masked location and the cause', async () => {
    const error = await openDatabase({ url: 'postgres://desk:s3cret@127.0.0.1:1/desk' }).catch((caught: unknown) => caught);
    expect(isDeskError(error, 'database_error')).toBe(true);
    expect((error as Error).message).toMatch(/^cannot connect to PostgreSQL at postgres:\/\/desk:\*\*\*@127\.0\.0\.1:1\/desk: .*ECONNREFUSED/);
    expect((error as Error).message).not.toContain('s3cret');
  });
});
