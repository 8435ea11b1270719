/**
 * Standard normal distribution function Φ(x), to about 1e-15 (Hart's 1968 rational
 * approximation as given by West, "Better approximations to cumulative normal functions", 2005).
 *
 * @example normalCdf(1.96) // 0.9750021048517795
 */
export function normalCdf(x: number): number {
  const absolute = Math.abs(x);
  let tail: number;
  if (absolute > 37) tail = 0;
  else if (absolute < 7.07106781186547) {
    const exponential = Math.exp(-(absolute * absolute) / 2);
    const numerator = polynomial(absolute, [3.52624965998911e-2, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871, 221.213596169931, 220.206867912376]);
    const denominator = polynomial(absolute, [8.83883476483184e-2, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674, 637.333633378831, 793.826512519948, 440.413735824752]);
    tail = (exponential * numerator) / denominator;
  } else {
    const exponential = Math.exp(-(absolute * absolute) / 2);
    let fraction = absolute + 0.65;
    for (const term of [4, 3, 2, 1]) fraction = absolute + term / fraction;
    tail = exponential / fraction / 2.506628274631;
  }
  return x > 0 ? 1 - tail : tail;
}

/** Horner evaluation, coefficients highest power first. */
function polynomial(x: number, coefficients: number[]): number {
  return coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1, 1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416, 1];

/**
 * Inverse of Φ for p in (0, 1): Acklam's rational approximation polished by one Halley step
 * against normalCdf (about 1e-15 relative). p outside (0, 1) gives NaN, 0 and 1 give ∓Infinity.
 *
 * @example inverseNormalCdf(0.975) // 1.959963984540054
 */
export function inverseNormalCdf(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let x: number;
  if (p < 0.02425 || p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p < 0.5 ? p : 1 - p));
    x = polynomial(q, C) / polynomial(q, D);
    if (p > 0.5) x = -x;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (polynomial(r, A) * q) / polynomial(r, B);
  }
  const error = normalCdf(x) - p;
  const step = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - step / (1 + (x * step) / 2);
}
