-- requires: vector
-- Documents for semantic search (research notes, filings). Skipped, and reported as skipped,
-- on a server without pgvector; it is applied on the first migrate after pgvector appears.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE documents (
  id          text PRIMARY KEY,
  kind        text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  metadata    jsonb NOT NULL DEFAULT '{}',
  embedding   vector(256) NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_embedding_idx ON documents USING hnsw (embedding vector_cosine_ops);
