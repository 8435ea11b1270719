import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import { createNewsFeedClient } from '../../adapters/news-feed/index.ts';
import { DeskError } from '../../core/index.ts';
import type { NewsSources } from '../../mcp-servers/index.ts';

const MAX_FILE_BYTES = 50_000_000;

/**
 * Where the signals server's ingest_news may read: files inside `directory` only (a path that
 * leaves it, also through a symlink, is refused), and feeds on `feedHosts` only (none: network off).
 *
 * @example createNewsSources({ directory: '/srv/desk/news', feedHosts: ['feeds.example.com'] })
 */
export function createNewsSources(config: { directory: string; feedHosts: string[] }): NewsSources {
  const feeds = config.feedHosts.length > 0 ? createNewsFeedClient({ allowedHosts: config.feedHosts }) : undefined;
  return {
    readFile: async (path) => {
      const root = await realpath(config.directory).catch(() => {
        throw new DeskError('not_found', `the news directory ${config.directory} does not exist (set DESK_NEWS_DIR or create it)`, { field: 'file' });
      });
      const target = await realpath(resolve(root, path)).catch(() => {
        throw new DeskError('not_found', `no news file ${JSON.stringify(path)} in ${root}`, { field: 'file' });
      });
      const inside = relative(root, target);
      if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || resolve(root, inside) !== target) {
        throw new DeskError('invalid_input', `news files must be inside ${root} (got ${JSON.stringify(path)})`, { field: 'file' });
      }
      const size = (await stat(target)).size;
      if (size > MAX_FILE_BYTES) throw new DeskError('invalid_input', `news file ${inside} is ${size} bytes, more than ${MAX_FILE_BYTES}`, { field: 'file' });
      return { text: await readFile(target, 'utf8'), name: basename(target) };
    },
    fetchFeed: feeds && ((url) => feeds.fetchText(url)),
  };
}
