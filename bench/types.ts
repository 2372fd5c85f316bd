/** One benchmark figure; `ratio` is against the section's own baseline measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  ratio?: number;
  target?: string;
  ok?: boolean;
  detail?: string;
}
