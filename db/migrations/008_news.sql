-- News items and their scores (plain tables: no pgvector needed). Their embeddings live in the
-- `documents` table of 004 (kind 'news', same id), beside past decisions (kind 'decision').
CREATE TABLE news_items (
  id            text PRIMARY KEY,          -- news_ + 24 hex digits of the content hash
  url           text UNIQUE,               -- NULL when the source gave none
  headline      text NOT NULL,
  body          text NOT NULL,
  source        text NOT NULL,
  published_at  timestamptz NOT NULL,
  tickers       text[] NOT NULL DEFAULT '{}',
  ingested_at   timestamptz NOT NULL
);
CREATE INDEX news_items_published_idx ON news_items (published_at);
CREATE INDEX news_items_tickers_idx ON news_items USING gin (tickers);

-- One row per item and scorer ('lexicon-v1', 'claude', ...): when several scorers run, each is kept.
CREATE TABLE news_scores (
  item_id           text NOT NULL REFERENCES news_items (id) ON DELETE CASCADE,
  scorer            text NOT NULL,
  sentiment_score   double precision NOT NULL CHECK (sentiment_score BETWEEN -1 AND 1),
  sentiment_label   text NOT NULL CHECK (sentiment_label IN ('positive', 'negative', 'neutral')),
  drivers           jsonb NOT NULL DEFAULT '[]',
  event_type        text NOT NULL,
  event_confidence  double precision NOT NULL CHECK (event_confidence BETWEEN 0 AND 1),
  scored_at         timestamptz NOT NULL,
  PRIMARY KEY (item_id, scorer)
);
