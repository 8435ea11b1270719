/** Placeholder replaced by the db helper: prepares shared test databases once per run. */
export default async function setup(): Promise<void> {}
