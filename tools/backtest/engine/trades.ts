import type { BacktestTrade } from '../../../core/index.ts';

/** A position from the fill that opened it to the fill that closed it. */
export interface OpenTrade {
  symbol: string;
  /** 1 long, −1 short. */
  direction: number;
  entryIndex: number;
  /** Shares bought (long) or sold (short) to open, and their average price. */
  quantity: number;
  entryPrice: number;
  exitQuantity: number;
  exitPrice: number;
  entryCommission: number;
  exitCommission: number;
  /** Dividends received minus borrow fees paid. */
  income: number;
  /** Highest and lowest price seen while open (bar ranges from the first full bar, and the fills). */
  highest: number;
  lowest: number;
  /** First bar whose whole range counts (the entry bar unless entered at its close). */
  rangeFrom: number;
}

/**
 * Trades built from fills: a trade opens when a symbol's position leaves zero and closes when it
 * returns to zero. Entry and exit prices are averages over their fills. Allocation happens per
 * trade, not per bar.
 */
export class TradeBook {
  readonly open: (OpenTrade | null)[];
  readonly closed: BacktestTrade[] = [];

  constructor(private readonly symbols: readonly string[], private readonly dates: readonly string[]) {
    this.open = symbols.map(() => null);
  }

  /** Record a fill of `quantity` (> 0) shares in `direction` (1 buy, −1 sell); `positionAfter` is the resulting position. */
  fill(symbol: number, direction: number, quantity: number, price: number, commission: number, index: number, atClose: boolean, positionAfter: number): void {
    let trade = this.open[symbol];
    if (trade === null) {
      trade = {
        symbol: this.symbols[symbol], direction, entryIndex: index, quantity, entryPrice: price, exitQuantity: 0, exitPrice: 0,
        entryCommission: commission, exitCommission: 0, income: 0, highest: price, lowest: price, rangeFrom: atClose ? index + 1 : index,
      };
      this.open[symbol] = trade;
      return;
    }
    if (price > trade.highest) trade.highest = price;
    if (price < trade.lowest) trade.lowest = price;
    if (direction === trade.direction) {
      trade.entryPrice = (trade.entryPrice * trade.quantity + price * quantity) / (trade.quantity + quantity);
      trade.quantity += quantity;
      trade.entryCommission += commission;
      return;
    }
    trade.exitPrice = trade.exitQuantity === 0 ? price : (trade.exitPrice * trade.exitQuantity + price * quantity) / (trade.exitQuantity + quantity);
    trade.exitQuantity += quantity;
    trade.exitCommission += commission;
    if (positionAfter === 0) {
      this.closed.push(tradeRecord(trade, this.dates, this.dates[index], trade.exitPrice));
      this.open[symbol] = null;
    }
  }

  /** Closed trades, then the ones still open marked at `marks` (last closes), in symbol order. */
  all(marks: Float64Array): BacktestTrade[] {
    const still = this.open.flatMap((trade, symbol) => (trade === null ? [] : [tradeRecord(trade, this.dates, null, marks[symbol])]));
    return [...this.closed, ...still];
  }
}

/** PnL is net of commissions and income; returnPct is PnL over the entry cost. */
function tradeRecord(trade: OpenTrade, dates: readonly string[], exitDate: string | null, exitPrice: number): BacktestTrade {
  const { direction, quantity, entryPrice, entryCommission } = trade;
  const exitCommission = exitDate === null ? 0 : trade.exitCommission;
  const pnl = direction * quantity * (exitPrice - entryPrice) - entryCommission - exitCommission + trade.income;
  const adverse = direction > 0 ? entryPrice - Math.min(trade.lowest, exitPrice) : Math.max(trade.highest, exitPrice) - entryPrice;
  const favourable = direction > 0 ? Math.max(trade.highest, exitPrice) - entryPrice : entryPrice - Math.min(trade.lowest, exitPrice);
  return {
    entryDate: dates[trade.entryIndex], entryPrice, exitDate, exitPrice: exitDate === null ? null : exitPrice, quantity, pnl,
    returnPct: pnl / (quantity * entryPrice + entryCommission),
    symbol: trade.symbol, side: direction > 0 ? 'long' : 'short',
    mae: Math.max(0, adverse) / entryPrice, mfe: Math.max(0, favourable) / entryPrice,
    commission: entryCommission + exitCommission, income: trade.income,
  };
}
