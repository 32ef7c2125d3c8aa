const started = performance.now()

/** Progress goes to stderr: stdout carries only the result document. */
export function progress(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6)
  process.stderr.write(`[bench ${seconds}s] ${message}\n`)
}

export function elapsedSeconds(): number {
  return Math.round((performance.now() - started) / 100) / 10
}
