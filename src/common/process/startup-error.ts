/**
 * A start-up failure the operator can act on (a bad variable, a database that never came up). Its message is the
 * whole report, one line per problem naming the variable: main.ts prints it without a stack trace. Anything else
 * that stops start-up is a bug and is printed with its stack.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
