-- The decision log: append-only and hash-chained (see db/decision-chain.ts). Each table keeps
-- its own chain; sequence numbers have no gaps. A trigger refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE decisions (
  id             text PRIMARY KEY,
  sequence       bigint NOT NULL UNIQUE CHECK (sequence > 0),
  thread_id      text NOT NULL,
  parent_id      text,
  agent          text NOT NULL,
  kind           text NOT NULL,
  input          jsonb NOT NULL,
  tool_calls     jsonb NOT NULL,
  output         jsonb NOT NULL,
  model          text NOT NULL,
  input_tokens   integer NOT NULL,
  output_tokens  integer NOT NULL,
  latency_ms     double precision NOT NULL,
  created_at     timestamptz NOT NULL,
  previous_hash  text NOT NULL,
  hash           text NOT NULL UNIQUE
);
CREATE INDEX decisions_thread_idx ON decisions (thread_id, sequence);

CREATE TABLE critic_verdicts (
  id             text PRIMARY KEY,
  sequence       bigint NOT NULL UNIQUE CHECK (sequence > 0),
  decision_id    text NOT NULL REFERENCES decisions (id),
  thread_id      text NOT NULL,
  verdict        text NOT NULL CHECK (verdict IN ('approve', 'revise', 'block')),
  reasons        jsonb NOT NULL,
  checks         jsonb NOT NULL,
  created_at     timestamptz NOT NULL,
  previous_hash  text NOT NULL,
  hash           text NOT NULL UNIQUE
);
CREATE INDEX critic_verdicts_thread_idx ON critic_verdicts (thread_id, sequence);
CREATE INDEX critic_verdicts_decision_idx ON critic_verdicts (decision_id);

CREATE FUNCTION refuse_decision_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION refuse_decision_log_change();
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_decision_log_change();
CREATE TRIGGER critic_verdicts_append_only BEFORE UPDATE OR DELETE ON critic_verdicts
  FOR EACH ROW EXECUTE FUNCTION refuse_decision_log_change();
CREATE TRIGGER critic_verdicts_no_truncate BEFORE TRUNCATE ON critic_verdicts
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_decision_log_change();
