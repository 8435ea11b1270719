-- The order life cycle: stop and stop-limit orders, time in force, the statuses accepted,
-- partially_filled and expired, and the venue that holds each order. Every state transition is
-- an append-only row of order_events; the orders table is the projection of those events,
-- updated in the same transaction. Fills carry the venue's execution id (booked at most once)
-- and a booking sequence (positions and cash are derived from fills in that order).
-- paper_venue_* is the paper broker's own book: the "venue" side, kept apart from the desk's
-- books so that reconciliation after a crash has two sides to compare.
ALTER TABLE orders DROP CONSTRAINT orders_type_check;
ALTER TABLE orders ADD CONSTRAINT orders_type_check CHECK (type IN ('market', 'limit', 'stop', 'stop_limit'));
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK (status IN ('new', 'accepted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'));
ALTER TABLE orders ADD COLUMN stop_price numeric;
ALTER TABLE orders ADD COLUMN time_in_force text NOT NULL DEFAULT 'day' CHECK (time_in_force IN ('day', 'gtc'));
ALTER TABLE orders ADD COLUMN broker text;
ALTER TABLE orders ADD COLUMN broker_order_id text;
CREATE INDEX orders_open_idx ON orders (created_at) WHERE status IN ('new', 'accepted', 'partially_filled');
CREATE INDEX orders_symbol_idx ON orders (symbol, created_at);

ALTER TABLE fills ADD COLUMN execution_id text;
ALTER TABLE fills ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX fills_execution_idx ON fills (order_id, execution_id);
CREATE UNIQUE INDEX fills_seq_idx ON fills (seq);

CREATE TABLE order_events (
  order_id       text NOT NULL REFERENCES orders (id),
  seq            integer NOT NULL CHECK (seq > 0),
  from_status    text,
  to_status      text NOT NULL,
  fill_id        text REFERENCES fills (id),
  fill_quantity  numeric,
  fill_price     numeric,
  commission     numeric,
  reason         text,
  at             timestamptz NOT NULL,
  PRIMARY KEY (order_id, seq),
  CHECK ((fill_id IS NULL) = (fill_quantity IS NULL) AND (fill_id IS NULL) = (fill_price IS NULL) AND (fill_id IS NULL) = (commission IS NULL))
);

CREATE FUNCTION refuse_order_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'order_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE ON order_events
  FOR EACH ROW EXECUTE FUNCTION refuse_order_event_change();

CREATE TABLE paper_venue_orders (
  client_order_id  text PRIMARY KEY,
  broker_order_id  text NOT NULL UNIQUE,
  symbol           text NOT NULL,
  side             text NOT NULL CHECK (side IN ('buy', 'sell')),
  quantity         numeric NOT NULL CHECK (quantity > 0),
  type             text NOT NULL,
  limit_price      numeric,
  stop_price       numeric,
  time_in_force    text NOT NULL,
  status           text NOT NULL,
  filled_quantity  numeric NOT NULL,
  triggered        boolean NOT NULL,
  last_bar_date    date,
  reason           text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX paper_venue_orders_open_idx ON paper_venue_orders (symbol) WHERE status IN ('accepted', 'partially_filled');

CREATE TABLE paper_venue_fills (
  execution_id     text PRIMARY KEY,
  seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  client_order_id  text NOT NULL REFERENCES paper_venue_orders (client_order_id),
  quantity         numeric NOT NULL CHECK (quantity > 0),
  price            numeric NOT NULL CHECK (price > 0),
  commission       numeric NOT NULL CHECK (commission >= 0),
  at               timestamptz NOT NULL
);
CREATE INDEX paper_venue_fills_order_idx ON paper_venue_fills (client_order_id);
