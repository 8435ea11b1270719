import { DeskError } from '../../core/index.ts';
import type { RiskBook } from './book.ts';
import { covarianceMatrix, type SquareMatrix } from './matrix.ts';
import { riskContributions, type RiskContribution } from './metrics.ts';
import { parametricVar } from './parametric.ts';
import type { VarResult } from './tail.ts';

/**
 * A volatility regime change: every volatility × `volatilityMultiplier`, every correlation
 * pushed toward 1 as ρ' = ρ + `correlationPush`·(1 − ρ). The stressed correlation matrix is a
 * convex mix of the sample one and the all-ones matrix, so it stays positive semi-definite.
 */
export interface VolatilitySpike {
  volatilityMultiplier: number;
  /** 0 keeps correlations, 1 makes every pair perfectly correlated. */
  correlationPush: number;
}

/**
 * An illustrative 2008-style spike: realized equity volatility roughly tripled in late 2008 and
 * cross-asset correlations rose sharply. A house scenario, not a calibration.
 */
export const VOLATILITY_SPIKE_2008: VolatilitySpike = { volatilityMultiplier: 3, correlationPush: 0.5 };

export interface VolatilitySpikeResult {
  baseline: VarResult;
  stressed: VarResult;
  /** Annualized volatility contributions under the stressed covariance. */
  contributions: RiskContribution[];
  covariance: SquareMatrix;
}

/**
 * Parametric VaR of the book before and after a volatility spike.
 *
 * @example
 * volatilitySpikeVar(book, VOLATILITY_SPIKE_2008, { confidence: 0.99 }).stressed.valueAtRisk;
 */
export function volatilitySpikeVar(book: RiskBook, spike: VolatilitySpike, options: { confidence: number; horizonDays?: number; covariance?: SquareMatrix }): VolatilitySpikeResult {
  const covariance = options.covariance ?? covarianceMatrix(book.returns);
  const stressedCovariance = stressCovariance(covariance, spike);
  const settings = { confidence: options.confidence, horizonDays: options.horizonDays ?? 1 };
  return {
    baseline: parametricVar(book, { ...settings, covariance }),
    stressed: parametricVar(book, { ...settings, covariance: stressedCovariance }),
    contributions: riskContributions(book, stressedCovariance),
    covariance: stressedCovariance,
  };
}

/**
 * The covariance matrix after a volatility spike.
 *
 * @example
 * stressCovariance({ size: 2, values: new Float64Array([1, 0, 0, 4]) }, { volatilityMultiplier: 2, correlationPush: 0.5 }).values;
 * // [4, 4, 4, 16]: volatilities 2 and 4, correlation 0.5
 */
export function stressCovariance(covariance: SquareMatrix, spike: VolatilitySpike): SquareMatrix {
  const { volatilityMultiplier, correlationPush } = spike;
  if (!Number.isFinite(volatilityMultiplier) || volatilityMultiplier < 0) {
    throw new DeskError('invalid_input', `volatilityMultiplier must be a finite number ≥ 0, e.g. 3 (got ${volatilityMultiplier})`, { field: 'volatilityMultiplier' });
  }
  if (!(correlationPush >= 0 && correlationPush <= 1)) {
    throw new DeskError('invalid_input', `correlationPush must be in [0, 1] (got ${correlationPush})`, { field: 'correlationPush' });
  }
  const { size, values } = covariance;
  const deviations = Array.from({ length: size }, (_, index) => Math.sqrt(Math.max(0, values[index * size + index])));
  const stressed = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const scale = deviations[row] * deviations[column];
      const correlation = row === column ? 1 : scale > 0 ? values[row * size + column] / scale : 0;
      const pushed = correlation + correlationPush * (1 - correlation);
      stressed[row * size + column] = pushed * scale * volatilityMultiplier ** 2;
    }
  }
  return { size, values: stressed };
}
