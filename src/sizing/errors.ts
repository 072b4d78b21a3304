/** Why sizing could not answer: a stable code, what is wrong, and how to fix it. */
export class SizingError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, hint?: string) {
    super(message);
    this.name = 'SizingError';
    this.code = code;
    this.hint = hint;
  }
}
