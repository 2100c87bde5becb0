/** First-party vendor packages, by the provider id a workflow names; used to tell users what to install. */
export const knownProviderPackages: Readonly<Record<string, { packageName: string; factory: string }>> = {
  openai: { packageName: '@flow/providers-openai', factory: 'createOpenAI' },
  anthropic: { packageName: '@flow/providers-anthropic', factory: 'createAnthropic' },
  gemini: { packageName: '@flow/providers-gemini', factory: 'createGemini' },
  openrouter: { packageName: '@flow/providers-openrouter', factory: 'createOpenRouter' },
};
