import { geminiBlock } from './gemini-block.js';

/** v1: the key required, Gemini 2.5 Flash by default, `max_tokens` 450, the v1 formatters. */
export const geminiV1 = geminiBlock({ version: 1, defaultModel: 'gemini-2.5-flash', modern: false, codeExecution: false, nativeBoxes: false });
/** v2: the catalogue, `thinking_level` for Gemini 3+, optional `max_tokens`, finish reasons checked, the v2 formatters. */
export const geminiV2 = geminiBlock({ version: 2, defaultModel: 'gemini-3.1-pro-preview', modern: true, codeExecution: false, nativeBoxes: false });
/** v3: `google_code_execution`, the key defaults to `rf_key:account`, more models. */
export const geminiV3 = geminiBlock({ version: 3, defaultModel: 'gemini-3.1-pro-preview', modern: true, codeExecution: true, nativeBoxes: false });
/** v4: object-detection as Gemini's native 0-1000 `box_2d` list with a response schema. */
export const geminiV4 = geminiBlock({ version: 4, defaultModel: 'gemini-3.1-pro-preview', modern: true, codeExecution: true, nativeBoxes: true });
