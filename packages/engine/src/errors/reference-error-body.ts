import { WorkflowError } from './workflow-error.js';

/** Error types whose reference HTTP body carries `blocks_errors` and the debug fields. */
const extendedBodyTypes = new Set([
  'WorkflowSyntaxError',
  'InvalidReferenceTargetError',
  'ExecutionGraphStructureError',
  'StepInputDimensionalityError',
  'StepExecutionError',
  'ClientCausedStepExecutionError',
  'RuntimeLimitsCausedStepExecutionError',
  'DynamicBlockCodeError',
]);

export interface ReferenceErrorResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * The status and JSON body the reference server answers a workflow error with (reference §5.3). Absent
 * inner errors read as the string "None" where the reference stringifies them. No stack trace is included.
 */
export function toReferenceErrorResponse(error: WorkflowError): ReferenceErrorResponse {
  const base: Record<string, unknown> = {
    message: error.message,
    error_type: error.errorType,
    context: error.context,
  };
  if (extendedBodyTypes.has(error.errorType)) {
    return {
      status: error.status,
      body: {
        ...base,
        inner_error_type: error.innerErrorType ?? 'None',
        inner_error_message: error.innerErrorMessage ?? 'None',
        blocks_errors:
          error.blocksErrors?.map((detail) => ({
            block_id: detail.step,
            block_type: detail.blockType,
            block_details: null,
            property_name: detail.property,
            property_details: detail.details,
            block_traceback: null,
          })) ?? null,
        python_blocks_output_streams: null,
        python_blocks_debug_traces: null,
      },
    };
  }
  if (error.status === 400) {
    return { status: 400, body: { ...base, inner_error_type: error.innerErrorType ?? null, inner_error_message: error.innerErrorMessage ?? 'None' } };
  }
  return {
    status: error.status,
    body: {
      ...base,
      inner_error_type: error.innerErrorType ?? null,
      inner_error_message: error.innerErrorMessage ?? 'None',
      python_blocks_output_streams: null,
      python_blocks_debug_traces: null,
    },
  };
}

export function isWorkflowError(error: unknown): error is WorkflowError {
  return error instanceof WorkflowError || (WorkflowError.isInstance(error) && typeof (error as WorkflowError).errorType === 'string');
}
