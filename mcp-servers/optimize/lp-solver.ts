import type { LpSolver } from '../../tools/optimize/index.ts';

let loading: Promise<LpSolver> | undefined;

/**
 * HiGHS (WASM) loaded once per process, on first use: min-CVaR and integer allocation need it;
 * the other objectives never pay for loading it.
 * @example const highs = await loadLpSolver();
 */
export function loadLpSolver(): Promise<LpSolver> {
  // The package's types describe its ESM default export as the module itself; its runtime default is the loader.
  loading ??= import('highs').then(async (module) => (await (module.default as unknown as () => Promise<unknown>)()) as LpSolver);
  return loading;
}
