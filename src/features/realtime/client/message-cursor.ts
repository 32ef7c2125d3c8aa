/**
 * A room's rejoin cursor: the highest message `seq` up to which every message has been seen.
 * Messages of a session are numbered 1, 2, 3… in commit order, so asking for everything after
 * this number on rejoin misses nothing. Broadcasts can arrive out of order (several servers) or
 * not at all (a server died between storing and sending); a message seen past a hole is kept
 * aside until the hole fills, and `hasGap` says one is open.
 */
export type MessageCursor = {
  readonly value: number
  readonly hasGap: boolean
  see: (seq: number) => void
}

export function createMessageCursor(): MessageCursor {
  let value = 0
  const ahead = new Set<number>()
  return {
    get value() {
      return value
    },
    get hasGap() {
      return ahead.size > 0
    },
    see(seq) {
      if (seq <= value) return
      ahead.add(seq)
      while (ahead.delete(value + 1)) value += 1
    },
  }
}
