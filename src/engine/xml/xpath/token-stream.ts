/**
 * A cursor over XPath tokens for the recursive-descent parser; a syntax or prefix error unwinds the
 * parse as a ParseFailure.
 */
import type { Problem } from '../../errors.js';
import type { Token } from './tokenize.js';

/** Thrown inside the parser only, caught by parseExpression and turned into a Problem. */
class ParseFailure {
  readonly problem: Problem;
  constructor(problem: Problem) {
    this.problem = problem;
  }
}

export class TokenStream {
  private at = 0;
  private readonly tokens: readonly Token[];
  private readonly resolver: (prefix: string) => string | undefined;

  constructor(tokens: readonly Token[], resolver: (prefix: string) => string | undefined) {
    this.tokens = tokens;
    this.resolver = resolver;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  next(): Token {
    const token = this.tokens[this.at];
    if (token === undefined) return this.syntaxError('unexpected end of expression');
    this.at += 1;
    return token;
  }

  /** Consume the punctuation if it comes next. */
  punct(text: string): boolean {
    const token = this.peek();
    if (token?.kind !== 'punct' || token.text !== text) return false;
    this.at += 1;
    return true;
  }

  expectPunct(text: string): void {
    if (!this.punct(text)) this.syntaxError(`'${text}' expected`);
  }

  /** Consume one of the operators if it comes next. */
  operator(operators: readonly string[]): string | undefined {
    const token = this.peek();
    if (token?.kind !== 'operator' || !operators.includes(token.text)) return undefined;
    this.at += 1;
    return token.text;
  }

  /** A name followed by `(`: a function call or a node-type test. */
  peekIsCall(): boolean {
    const following = this.peek(1);
    return this.peek()?.kind === 'name' && following?.kind === 'punct' && following.text === '(';
  }

  expectEnd(): void {
    if (this.at < this.tokens.length)
      this.syntaxError(`unexpected ${describe(this.tokens[this.at])}`);
  }

  resolve(prefix: string): string {
    const uri = this.resolver(prefix);
    if (uri === undefined)
      throw new ParseFailure({
        code: 'UNKNOWN_PREFIX',
        message: `namespace prefix '${prefix}' is not declared in namespaces`,
      });
    return uri;
  }

  syntaxError(message: string): never {
    throw new ParseFailure({ code: 'XPATH_SYNTAX', message: `${message} (token ${this.at + 1})` });
  }

  problemFrom(error: unknown): Problem {
    if (error instanceof ParseFailure) return error.problem;
    // a small stack (node --stack-size) can still overflow within the token limit
    if (error instanceof RangeError)
      return { code: 'LIMIT_EXCEEDED', message: 'an XPath nested too deeply' };
    throw error;
  }
}

function describe(token: Token | undefined): string {
  if (token === undefined) return 'end of expression';
  switch (token.kind) {
    case 'punct':
    case 'operator':
      return `'${token.text}'`;
    case 'name':
      return `name '${token.prefix === undefined ? '' : `${token.prefix}:`}${token.local}'`;
    case 'literal':
      return 'string literal';
    case 'number':
      return `number ${token.value}`;
    case 'variable':
      return `variable $${token.name}`;
  }
}
