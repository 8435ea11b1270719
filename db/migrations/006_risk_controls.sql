-- Risk controls: why a limit changed, the kill switch and its change log, and the equity marks the
-- daily-loss and drawdown rules measure against. The 003 tables stay as they are (plus a reason).
ALTER TABLE risk_limit_changes ADD COLUMN reason text;

CREATE TABLE risk_kill_switch (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  active      boolean NOT NULL,
  reason      text,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL
);

CREATE TABLE risk_kill_switch_changes (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  active      boolean NOT NULL,
  reason      text,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL
);

-- First equity seen on each UTC day (the daily-loss reference).
CREATE TABLE risk_equity_days (
  day           date PRIMARY KEY,
  start_equity  numeric(28, 8) NOT NULL,
  recorded_at   timestamptz NOT NULL
);

-- The highest equity seen (the drawdown reference).
CREATE TABLE risk_equity_peak (
  id              boolean PRIMARY KEY DEFAULT true CHECK (id),
  high_water_mark numeric(28, 8) NOT NULL,
  recorded_at     timestamptz NOT NULL
);
