/** What every operation gets besides its value: where it sits in the definition and the named values. */
export interface OperationScope {
  /** Position in the definition, as the reference prints it: `<root>[0]`, `<root>.statements[0].operations[1]`. */
  readonly context: string;
  /** The values operands and parameter references resolve against (`operations_parameters` and `_`). */
  readonly globalParameters: Readonly<Record<string, unknown>>;
}
