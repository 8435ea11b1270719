-- Daily bars (floats are fine for prices used by indicators), and the booked side of trading:
-- orders, fills, positions and the single account row. Booked amounts are numeric (exact).
CREATE TABLE bars (
  symbol    text NOT NULL,
  date      date NOT NULL,
  open      double precision NOT NULL,
  high      double precision NOT NULL,
  low       double precision NOT NULL,
  close     double precision NOT NULL,
  adj_close double precision,
  volume    double precision NOT NULL,
  PRIMARY KEY (symbol, date)
);

CREATE TABLE orders (
  id               text PRIMARY KEY,
  client_order_id  text NOT NULL UNIQUE,
  symbol           text NOT NULL,
  side             text NOT NULL CHECK (side IN ('buy', 'sell')),
  quantity         numeric NOT NULL CHECK (quantity > 0),
  type             text NOT NULL CHECK (type IN ('market', 'limit')),
  limit_price      numeric,
  status           text NOT NULL CHECK (status IN ('new', 'filled', 'rejected', 'cancelled')),
  filled_quantity  numeric NOT NULL DEFAULT 0,
  average_price    numeric,
  reject_reason    text,
  thread_id        text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX orders_thread_idx ON orders (thread_id, created_at);
CREATE INDEX orders_created_idx ON orders (created_at);

CREATE TABLE fills (
  id          text PRIMARY KEY,
  order_id    text NOT NULL REFERENCES orders (id),
  symbol      text NOT NULL,
  side        text NOT NULL CHECK (side IN ('buy', 'sell')),
  quantity    numeric NOT NULL CHECK (quantity > 0),
  price       numeric NOT NULL CHECK (price > 0),
  commission  numeric NOT NULL CHECK (commission >= 0),
  filled_at   timestamptz NOT NULL
);
CREATE INDEX fills_order_idx ON fills (order_id);

CREATE TABLE positions (
  symbol         text PRIMARY KEY,
  quantity       numeric NOT NULL,
  average_price  numeric NOT NULL,
  realized_pnl   numeric NOT NULL,
  updated_at     timestamptz NOT NULL
);

-- Exactly one row: the id column can only be true.
CREATE TABLE account (
  id             boolean PRIMARY KEY DEFAULT true CHECK (id),
  cash           numeric NOT NULL,
  starting_cash  numeric NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
