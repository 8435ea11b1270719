import { createEdgeApp } from './edge-app.ts';

/** Cloudflare Workers entry (see wrangler.toml). */
export default createEdgeApp();
