/** Content parts vLLM accepts in chat-style messages (OpenAI shapes plus vLLM's extensions). */
export type ChatContentPart =
  | { type: 'text'; text: string }
  | {
      type: 'image_url';
      /** An http(s) URL, a base64 data URL (`data:<mime>;base64,...`), or `file://` when the server allows local media. */
      image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
      /** Optional caller-chosen cache key for this media item. */
      uuid?: string;
    }
  | { type: 'video_url'; video_url: { url: string }; uuid?: string }
  | { type: 'audio_url'; audio_url: { url: string }; uuid?: string }
  | { type: 'input_audio'; input_audio: { data: string; format: 'wav' | 'mp3' } }
  /** Precomputed embeddings as serialized tensors (base64), or a map of them. */
  | { type: 'image_embeds'; image_embeds: string | Record<string, string> }
  | { type: 'audio_embeds'; audio_embeds: string | Record<string, string> }
  /** vLLM's shorthand forms, without `type`. */
  | { image_url: string }
  | { video_url: string }
  | { audio_url: string };

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool' | 'developer' | (string & {});

/** One message of a conversation; vLLM renders the conversation through the model's chat template. */
export interface ChatMessage {
  role: ChatRole;
  content: string | ChatContentPart[] | null;
  name?: string;
  tool_call_id?: string;
  tool_calls?: unknown[];
  reasoning?: string;
}
