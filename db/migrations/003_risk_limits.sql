-- Risk limits as one JSONB row, and every change with who made it.
CREATE TABLE risk_limits (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  limits      jsonb NOT NULL,
  updated_by  text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE risk_limit_changes (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  old_limits  jsonb NOT NULL,
  new_limits  jsonb NOT NULL,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
