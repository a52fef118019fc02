/**
 * Ends the process once everything written to standard output and error has left it. Writes
 * to a pipe are asynchronous on POSIX: `process.exit` right after a large `console.log` cut
 * `fazhi stats --json | jq` short at the pipe's 64 KB.
 */
export function exitAfterOutput(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  // An empty write's callback runs after every write queued before it.
  process.stdout.write('', done);
  process.stderr.write('', done);
}
