/** A conversation with a chat model, whatever serves it: VS Code's Language Model API or an OpenAI-compatible endpoint. */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequestOptions {
  /** Called with each piece of the reply as it arrives. */
  onText?: (chunk: string) => void;
  /** Ends the request: the user cancelled, or the time ran out. */
  signal: AbortSignal;
}

export interface ChatModel {
  /** The model's name, for messages. */
  readonly name: string;
  /** The whole reply. Fails with a `ModelFailure` that says what went wrong. */
  send(messages: readonly ChatMessage[], options: ChatRequestOptions): Promise<string>;
}
