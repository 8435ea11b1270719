-- Strategy specs by name and version. A version is never changed: saving a changed spec adds the
-- next version, whose parent is the version it was derived from; spec_hash is the SHA-256 of the
-- spec's canonical JSON (tools/strategy specHash), so a backtest can name exactly what it ran.
CREATE TABLE strategy_versions (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  version     integer NOT NULL CHECK (version >= 1),
  parent_id   text REFERENCES strategy_versions (id),
  spec        jsonb NOT NULL,
  spec_hash   text NOT NULL CHECK (spec_hash ~ '^[0-9a-f]{64}$'),
  author      text NOT NULL,
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name, version)
);
CREATE INDEX strategy_versions_hash_idx ON strategy_versions (spec_hash);
