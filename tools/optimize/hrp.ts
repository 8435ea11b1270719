import { quadraticForm, type Matrix } from './linalg.ts';
import { finish, type OptimizedPortfolio } from './mean-variance.ts';
import { requireCovariance, requireFiniteVector } from './validate.ts';

/**
 * Hierarchical risk parity (López de Prado 2016, as PyPortfolioOpt's HRPOpt): correlation
 * distance √((1 - ρ) / 2), single-linkage clustering, quasi-diagonal order of the dendrogram
 * leaves, then recursive bisection splitting weight by inverse cluster variance. Long-only,
 * fully invested, no matrix inversion. Clusters come from `correlation` when given (pass
 * `sampleCorrelation(returns)` to match PyPortfolioOpt), else from the covariance.
 *
 * @example
 * hierarchicalRiskParity({ tickers, covariance, expectedReturns }).weights; // { AAPL: 0.04, ... }
 */
export function hierarchicalRiskParity(input: { tickers: string[]; covariance: Matrix; correlation?: Matrix; expectedReturns?: number[]; riskFreeRate?: number }): OptimizedPortfolio & { order: string[] } {
  const size = input.tickers.length;
  requireCovariance(input.covariance, size);
  const expectedReturns = input.expectedReturns ?? new Array<number>(size).fill(0);
  requireFiniteVector('expectedReturns', expectedReturns, size);
  if (input.correlation) requireCovariance(input.correlation, size);
  const order = quasiDiagonalOrder(correlationDistance(input.correlation ?? input.covariance));
  const weights = new Array<number>(size).fill(1);
  let clusters = [order];
  while (clusters.length > 0) {
    clusters = clusters.flatMap((cluster) => (cluster.length > 1 ? [cluster.slice(0, cluster.length >> 1), cluster.slice(cluster.length >> 1)] : []));
    for (let index = 0; index < clusters.length; index += 2) {
      const firstVariance = clusterVariance(input.covariance, clusters[index]);
      const secondVariance = clusterVariance(input.covariance, clusters[index + 1]);
      const alpha = 1 - firstVariance / (firstVariance + secondVariance);
      for (const asset of clusters[index]) weights[asset] *= alpha;
      for (const asset of clusters[index + 1]) weights[asset] *= 1 - alpha;
    }
  }
  const result = finish({ tickers: input.tickers, expectedReturns, covariance: input.covariance, riskFreeRate: input.riskFreeRate }, weights);
  return { ...result, order: order.map((asset) => input.tickers[asset]) };
}

/**
 * √(clip((1 - ρᵢⱼ) / 2, 0, 1)) from a covariance (or correlation) matrix: 0 for perfectly
 * correlated assets, 1 for perfectly anti-correlated ones.
 *
 * @example
 * correlationDistance([[1, 0], [0, 1]]); // [[0, √0.5], [√0.5, 0]]
 */
export function correlationDistance(covariance: Matrix): Matrix {
  return covariance.map((row, left) =>
    row.map((value, right) => {
      const scale = Math.sqrt(covariance[left][left] * covariance[right][right]);
      const correlation = left === right || scale === 0 ? 1 : value / scale;
      return Math.sqrt(Math.min(1, Math.max(0, (1 - correlation) / 2)));
    }),
  );
}

/**
 * Leaf order of the single-linkage dendrogram (scipy's linkage + to_tree().pre_order()):
 * minimum spanning tree by Prim, merges sorted by distance, the lower cluster id on the left.
 *
 * @example
 * quasiDiagonalOrder(correlationDistance(covariance)); // [2, 0, 1, ...] asset indices
 */
export function quasiDiagonalOrder(distance: Matrix): number[] {
  const size = distance.length;
  const edges: Array<[number, number, number]> = [];
  const inTree = new Array<boolean>(size).fill(false);
  const nearest = new Array<number>(size).fill(Infinity);
  const source = new Array<number>(size).fill(0);
  let current = 0;
  inTree[0] = true;
  for (let added = 1; added < size; added++) {
    let next = -1;
    for (let node = 0; node < size; node++) {
      if (inTree[node]) continue;
      if (distance[current][node] < nearest[node]) [nearest[node], source[node]] = [distance[current][node], current];
      if (next === -1 || nearest[node] < nearest[next]) next = node;
    }
    edges.push([source[next], next, nearest[next]]);
    inTree[next] = true;
    current = next;
  }
  edges.sort((left, right) => left[2] - right[2]);
  const parent = Array.from({ length: 2 * size - 1 }, (_, index) => index);
  const find = (node: number): number => (parent[node] === node ? node : (parent[node] = find(parent[node])));
  const children: Array<[number, number]> = [];
  edges.forEach(([left, right], index) => {
    const [first, second] = [find(left), find(right)].sort((a, b) => a - b);
    children.push([first, second]);
    parent[first] = parent[second] = size + index;
  });
  const order: number[] = [];
  const stack = [2 * size - 2];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (node < size) order.push(node);
    else stack.push(children[node - size][1], children[node - size][0]);
  }
  return order;
}

function clusterVariance(covariance: Matrix, cluster: number[]): number {
  const inverse = cluster.map((asset) => 1 / covariance[asset][asset]);
  const total = inverse.reduce((sum, value) => sum + value, 0);
  const weights = inverse.map((value) => value / total);
  return quadraticForm(cluster.map((row) => cluster.map((column) => covariance[row][column])), weights);
}
