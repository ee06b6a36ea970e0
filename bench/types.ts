/** One measured figure, with its floor (what the same work costs without us) where one exists. */
export interface BenchFigure {
  /** Group and name, e.g. `store` / `load 100k facts`. */
  group: string;
  name: string;
  value: number;
  unit: 'ms' | 'µs' | 'MB' | 'ops/s' | 'sentences/s' | '%' | 'count';
  /** The side-by-side baseline measured in the same run, and its label. */
  floor?: { label: string; value: number };
  /** The target, when an issue sets one (value must be ≤ target, or ≥ for throughput units). */
  target?: number;
}

/** A benchmark module: measures and returns its figures. */
export type Bench = () => Promise<BenchFigure[]>;
