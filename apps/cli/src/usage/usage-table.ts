import type { UsageRecord } from '@flow/engine';

interface UsageRow {
  step: string;
  provider: string;
  model: string;
  calls: number;
  cached: number;
  inputTokens: number;
  outputTokens: number;
}

/** Adds up a run's usage records per (step, provider, model), in the order steps first reported. */
export class UsageTally {
  readonly #rows = new Map<string, UsageRow>();

  readonly record = (usage: UsageRecord & { step: string }): void => {
    const provider = usage.provider ?? '-';
    const model = usage.model ?? '-';
    const key = JSON.stringify([usage.step, provider, model]);
    let row = this.#rows.get(key);
    if (!row) {
      row = { step: usage.step, provider, model, calls: 0, cached: 0, inputTokens: 0, outputTokens: 0 };
      this.#rows.set(key, row);
    }
    row.calls += usage.calls ?? 1;
    row.cached += usage.cached ?? 0;
    row.inputTokens += usage.inputTokens ?? 0;
    row.outputTokens += usage.outputTokens ?? 0;
  };

  get rows(): readonly UsageRow[] {
    return [...this.#rows.values()];
  }

  /** A plain-text table with a total line; `no model calls` when there were none. */
  format(): string {
    const rows = this.rows;
    if (rows.length === 0) return 'usage: no model calls\n';
    const total = rows.reduce((sum, row) => ({ ...sum, calls: sum.calls + row.calls, cached: sum.cached + row.cached, inputTokens: sum.inputTokens + row.inputTokens, outputTokens: sum.outputTokens + row.outputTokens }), {
      step: 'total',
      provider: '',
      model: '',
      calls: 0,
      cached: 0,
      inputTokens: 0,
      outputTokens: 0,
    });
    const header = ['step', 'provider', 'model', 'calls', 'cached', 'input tokens', 'output tokens'];
    const cells = [...rows, total].map((row) => [row.step, row.provider, row.model, String(row.calls), String(row.cached), String(row.inputTokens), String(row.outputTokens)]);
    const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
    const numeric = (column: number) => column >= 3;
    const line = (values: string[]) => values.map((value, column) => (numeric(column) ? value.padStart(widths[column]!) : value.padEnd(widths[column]!))).join('  ').trimEnd();
    const rule = widths.map((width) => '-'.repeat(width)).join('  ');
    return [line(header), rule, ...cells.slice(0, -1).map(line), rule, line(cells.at(-1)!)].join('\n') + '\n';
  }
}
