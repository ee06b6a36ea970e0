import { type RenderedChart, renderChart } from './render.ts';

export interface ChartRenderer {
  /** The picture for a plan's cache key, drawn once per (fact versions, language, theme). */
  render(cacheKey: string, spec: Record<string, unknown>): Promise<RenderedChart>;
}

/** A renderer that keeps the last `size` pictures; a new fact version makes a new key, so nothing goes stale. */
export function createChartRenderer(size = 64): ChartRenderer {
  const cache = new Map<string, Promise<RenderedChart>>();
  return {
    render(cacheKey, spec) {
      const hit = cache.get(cacheKey);
      if (hit) {
        cache.delete(cacheKey);
        cache.set(cacheKey, hit);
        return hit;
      }
      const drawn = renderChart(spec);
      cache.set(cacheKey, drawn);
      drawn.catch(() => cache.delete(cacheKey));
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return drawn;
    },
  };
}
