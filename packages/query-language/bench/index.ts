// Cost of the query language against the same logic written by hand, measured in this process: a
// DetectionsFilter (class in a list and confidence above a threshold) on 1,000 detections, then
// DetectionsPropertyExtract + SequenceLength, and a continue_if-style condition evaluated 100,000 times.
// Numbers are printed, never asserted.
import { Detections } from '@flow/kinds';
import { compileOperations, compileStatementGroup } from '@flow/query-language';

const rows = 1000;
const names = ['cat', 'dog', 'car', 'person'];
const detections = new Detections(
  Array.from({ length: rows }, (_, row) => [row, row, row + 10, row + 20] as [number, number, number, number]),
  Array.from({ length: rows }, (_, row) => (row % 100) / 100),
  Array.from({ length: rows }, (_, row) => row % 4),
  { class_name: Array.from({ length: rows }, (_, row) => names[row % 4]!), detection_id: Array.from({ length: rows }, (_, row) => `d${row}`) },
);

const property = (property_name: string) => ({ type: 'DynamicOperand', operand_name: '_', operations: [{ type: 'ExtractDetectionProperty', property_name }] });
const filter = compileOperations([
  {
    type: 'DetectionsFilter',
    filter_operation: {
      type: 'StatementGroup',
      operator: 'and',
      statements: [
        { type: 'BinaryStatement', left_operand: property('class_name'), comparator: { type: 'in (Sequence)' }, right_operand: { type: 'DynamicOperand', operand_name: 'classes' } },
        { type: 'BinaryStatement', left_operand: property('confidence'), comparator: { type: '(Number) >=' }, right_operand: { type: 'StaticOperand', value: 0.5 } },
      ],
    },
  },
  { type: 'DetectionsPropertyExtract', property_name: 'class_name' },
  { type: 'SequenceLength' },
]);
const parameters = { classes: ['cat', 'dog'] };

function byHand(): number {
  const classNames = detections.data.class_name as string[];
  let kept = 0;
  for (let row = 0; row < detections.length; row++) {
    if (parameters.classes.includes(classNames[row]!) && detections.confidence[row]! >= 0.5) kept++;
  }
  return kept;
}

const condition = compileStatementGroup({
  type: 'StatementGroup',
  statements: [{ type: 'BinaryStatement', left_operand: { type: 'DynamicOperand', operand_name: 'count' }, comparator: { type: '(Number) >' }, right_operand: { type: 'StaticOperand', value: 3 } }],
});

function median(rounds: number, task: () => unknown): number {
  for (let index = 0; index < Math.max(5, rounds / 10); index++) task();
  const samples: number[] = [];
  for (let index = 0; index < rounds; index++) {
    const started = performance.now();
    task();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

if (filter(detections, parameters) !== byHand()) throw new Error('the query language and the hand-written filter disagree');
const queryMs = median(200, () => filter(detections, parameters));
const handMs = median(200, byHand);
console.log(`\nDetectionsFilter + extract + length on ${rows} detections`);
console.log(`query language: ${(queryMs * 1000).toFixed(1)} µs | by hand: ${(handMs * 1000).toFixed(1)} µs | ratio ${(queryMs / handMs).toFixed(1)}x`);

const loops = 100_000;
const conditionMs = median(20, () => {
  for (let index = 0; index < loops; index++) condition({ count: index % 7 });
});
const conditionHandMs = median(20, () => {
  let passed = 0;
  for (let index = 0; index < loops; index++) if (index % 7 > 3) passed++;
  return passed;
});
console.log(`continue_if condition x${loops}: query language ${(conditionMs / loops * 1e6).toFixed(0)} ns each | by hand ${(conditionHandMs / loops * 1e6).toFixed(1)} ns each | ratio ${(conditionMs / conditionHandMs).toFixed(1)}x\n`);
