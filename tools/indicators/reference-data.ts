/**
 * Small public reference inputs copied into the tests from the technicalindicators project (MIT;
 * see shared/data/SOURCES.md). Tests never read shared/ at run time.
 */

/**
 * Wilder's RSI worked example, 33 closes (rsi-wilder-33.csv).
 * @example rsi(WILDER_RSI_CLOSES, 14)[14] // ≈ 70.46
 */
export const WILDER_RSI_CLOSES = Float64Array.of(
  44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.1, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28,
  46.28, 46.0, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18,
  44.22, 44.57, 43.42, 42.66, 43.13,
);

/**
 * Wilder's ATR worked example, 30 bars (atr-wilder-30.csv).
 * @example atr(WILDER_ATR_BARS, 14)[14] // ≈ 0.5679
 */
export const WILDER_ATR_BARS = {
  high: Float64Array.of(
    48.7, 48.72, 48.9, 48.87, 48.82, 49.05, 49.2, 49.35, 49.92, 50.19, 50.12, 49.66, 49.88, 50.19,
    50.36, 50.57, 50.65, 50.43, 49.63, 50.33, 50.29, 50.17, 49.32, 48.5, 48.32, 46.8, 47.8, 48.39,
    48.66, 48.79,
  ),
  low: Float64Array.of(
    47.79, 48.14, 48.39, 48.37, 48.24, 48.64, 48.94, 48.86, 49.5, 49.87, 49.2, 48.9, 49.43, 49.73,
    49.26, 50.09, 50.3, 49.21, 48.98, 49.61, 49.2, 49.43, 48.08, 47.64, 41.55, 44.28, 47.31, 47.2,
    47.9, 47.73,
  ),
  close: Float64Array.of(
    48.16, 48.61, 48.75, 48.63, 48.74, 49.03, 49.07, 49.32, 49.91, 50.13, 49.53, 49.5, 49.75, 50.03,
    50.31, 50.52, 50.41, 49.34, 49.37, 50.23, 49.24, 49.93, 48.43, 48.18, 46.57, 45.41, 47.77, 47.72,
    48.62, 47.85,
  ),
};

/**
 * 18 closes from technicalindicators' shared test data (close-18.csv).
 * @example sma(CLOSES_18, 4)[3] // 133.73
 */
export const CLOSES_18 = Float64Array.of(
  127.75, 129.02, 132.75, 145.4, 148.98, 137.52, 147.38, 139.05, 137.23, 149.3, 162.45, 178.95,
  200.35, 221.9, 243.23, 243.52, 286.42, 280.27,
);
