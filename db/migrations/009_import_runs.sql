-- One row per import of bars from a source (CSV file, synthetic, Yahoo, Alpaca): what was asked,
-- what was read, written and refused, and every issue found (line-numbered for files).
CREATE TABLE import_runs (
  id           text PRIMARY KEY,
  source       text NOT NULL,
  symbol       text NOT NULL,
  range_from   date,
  range_to     date,
  status       text NOT NULL CHECK (status IN ('imported', 'refused', 'failed')),
  rows_read    integer NOT NULL CHECK (rows_read >= 0),
  skipped      integer NOT NULL CHECK (skipped >= 0),
  inserted     integer NOT NULL CHECK (inserted >= 0),
  updated      integer NOT NULL CHECK (updated >= 0),
  unchanged    integer NOT NULL CHECK (unchanged >= 0),
  issues       jsonb NOT NULL,
  error        text,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz NOT NULL
);

CREATE INDEX import_runs_symbol_started ON import_runs (symbol, started_at DESC);
