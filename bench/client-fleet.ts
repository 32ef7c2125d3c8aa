import { Worker } from 'node:worker_threads'

/** One simulated participant: `cookie` is what a signed-in browser sends in the handshake. */
export type FleetClient = { key: string; cookie?: string }
export type FleetSession = { sessionId: string; customerKey: string; mechanicKey: string }

export type ConnectResult = { connected: number; failed: number; errors: string[]; ms: number }
export type JoinResult = { joined: number; failed: number; errors: string[]; ms: number }
export type ChatResult = {
  expected: number
  sent: number
  received: number
  duplicates: number
  ackFailures: number
  ackErrors: string[]
  /** Send → the other participant's `chat:message`, in ms. */
  latenciesMs: number[]
  /** Send → the sender's acknowledgement, in ms. */
  ackMs: number[]
  sendWindowMs: number
}
export type EndedReceipt = { key: string; sessionId: string; at: number; count: number }

export type FleetCommands = {
  connect: {
    args: { url: string; clients: FleetClient[]; concurrency: number }
    result: ConnectResult
  }
  join: { args: { sessions: FleetSession[]; concurrency: number }; result: JoinResult }
  chat: {
    args: {
      sessions: FleetSession[]
      messagesPerSender: number
      intervalMs: number
      drainMs: number
    }
    result: ChatResult
  }
  resetCounts: { args: Record<string, never>; result: Record<string, never> }
  counts: { args: Record<string, never>; result: Record<string, number> }
  awaitEnded: {
    args: { expected: number; timeoutMs: number; settleMs: number }
    result: EndedReceipt[]
  }
  /** `session:extended` receipts, first per client (same shape as the ended receipts). */
  awaitExtended: {
    args: { expected: number; timeoutMs: number; settleMs: number }
    result: EndedReceipt[]
  }
  disconnectAll: { args: Record<string, never>; result: { closed: number } }
}

export type FleetRequest = { id: number; type: keyof FleetCommands; args: unknown }
export type FleetResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }

export type ClientFleet = {
  run: <K extends keyof FleetCommands>(
    type: K,
    args: FleetCommands[K]['args'],
  ) => Promise<FleetCommands[K]['result']>
  terminate: () => Promise<void>
}

/**
 * The browsers, simulated in a worker thread of this process: their decoding and timers run on
 * the other core instead of stealing the server's event loop, as real clients on other machines
 * would. Every timestamp a latency is computed from is taken inside the worker.
 */
export function startClientFleet(): ClientFleet {
  const entry = new URL('./client-fleet-worker.ts', import.meta.url).href
  // Workers do not inherit tsx's loader; register it before loading the TypeScript entry.
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`,
    { eval: true },
  )
  let nextId = 0
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (e: Error) => void }
  >()
  worker.on('message', (response: FleetResponse) => {
    const waiter = pending.get(response.id)
    if (!waiter) return
    pending.delete(response.id)
    if (response.ok) waiter.resolve(response.result)
    else waiter.reject(new Error(`client fleet: ${response.error}`))
  })
  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error)
    pending.clear()
  }
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`client fleet exited with ${code}`)))

  return {
    run: (type, args) =>
      new Promise((resolve, reject) => {
        const id = ++nextId
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        worker.postMessage({ id, type, args } satisfies FleetRequest)
      }),
    terminate: async () => {
      await worker.terminate()
    },
  }
}
