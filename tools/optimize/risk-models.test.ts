import { describe, expect, it } from 'vitest';
import { pairCovariance } from './expected-returns.ts';
import type { ReturnsTable } from './returns.ts';
import { exponentialCovariance, ledoitWolfCovariance, sampleCovariance } from './risk-models.ts';

const rows = [[0.01, -0.02, 0.005], [0.02, 0.01, -0.01], [-0.01, 0.0, 0.015], [0.005, 0.03, -0.005], [0.0, -0.01, 0.01]];
const table: ReturnsTable = { dates: rows.map((_, index) => `d${index}`), tickers: ['A', 'B', 'C'], returns: rows };

describe('sampleCovariance', () => {
  it('annualizes the n - 1 covariance of each pair', () => {
    const covariance = sampleCovariance(table);
    expect(covariance[0][1]).toBeCloseTo(pairCovariance(rows.map((row) => row[0]), rows.map((row) => row[1])) * 252, 14);
    expect(covariance[1][0]).toBe(covariance[0][1]);
  });

  it('uses only the rows where both assets have a return', () => {
    const gappy: ReturnsTable = { ...table, returns: rows.map((row, index) => [row[0], index < 2 ? null : row[1], row[2]]) };
    const covariance = sampleCovariance(gappy);
    const overlap = rows.slice(2);
    expect(covariance[0][1]).toBeCloseTo(pairCovariance(overlap.map((row) => row[0]), overlap.map((row) => row[1])) * 252, 14);
    expect(covariance[0][0]).toBeCloseTo(sampleCovariance(table)[0][0], 14);
  });

  it('refuses a pair with fewer than two overlapping returns', () => {
    const apart: ReturnsTable = { dates: ['a', 'b', 'c', 'd'], tickers: ['A', 'B'], returns: [[0.01, null], [0.02, null], [null, 0.01], [null, 0.02]] };
    expect(() => sampleCovariance(apart)).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
  });
});

describe('ledoitWolfCovariance', () => {
  it('matches the sklearn ledoit_wolf formula on a small sample', () => {
    const { covariance, shrinkage } = ledoitWolfCovariance(table);
    // Reference computed with numpy from sklearn's published formula (constant-variance target).
    expect(shrinkage).toBeCloseTo(0.4653952843273235, 12);
    expect(covariance[0][0]).toBeCloseTo(0.03231496310679612, 12);
    expect(covariance[1][2]).toBeCloseTo(-0.01293315728155339, 12);
  });

  it('keeps the trace of the biased sample covariance and pulls off-diagonals towards 0', () => {
    const { covariance, shrinkage } = ledoitWolfCovariance(table);
    const biased = sampleCovariance(table).map((row) => row.map((value) => (value * 4) / 5));
    const trace = (matrix: number[][]) => matrix.reduce((sum, row, index) => sum + row[index], 0);
    expect(trace(covariance)).toBeCloseTo(trace(biased), 12);
    expect(covariance[0][1]).toBeCloseTo((1 - shrinkage) * biased[0][1], 12);
  });
});

describe('exponentialCovariance', () => {
  it('equals the equal-weighted (biased) covariance as the span grows without bound', () => {
    const covariance = exponentialCovariance(table, { span: 1e12 });
    expect(covariance[0][2]).toBeCloseTo((sampleCovariance(table)[0][2] * 4) / 5, 10);
  });

  it('puts all weight on the latest day when the span is 1', () => {
    const covariance = exponentialCovariance(table, { span: 1 });
    const mean = (column: number) => rows.reduce((sum, row) => sum + row[column], 0) / rows.length;
    expect(covariance[0][1]).toBeCloseTo((rows[4][0] - mean(0)) * (rows[4][1] - mean(1)) * 252, 12);
  });
});
