export { createNewsFeedClient, type NewsFeedClient, type NewsFeedClientOptions } from './feed-client.ts';
