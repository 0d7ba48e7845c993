/** A command that cannot do what was asked: its message is printed alone (no stack) and the exit code is 1. */
export class CliFailure extends Error {}
