export { createRng, createStandardNormal, deriveSeed } from './random.ts';
export { businessDays, shiftMonths } from './calendar.ts';
export { generateSyntheticBars, type SyntheticBarsOptions } from './synthetic.ts';
export { DEMO_UNIVERSE, generateDemoMarket, type DemoMarketOptions, type DemoSymbol } from './demo-universe.ts';
export { parseYahooCsv } from './yahoo-csv.ts';
export { barSeriesFromRows, barSeriesToRows, lastYearsRange, sliceSeries, type BarRow } from './series.ts';
