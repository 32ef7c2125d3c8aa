import type { Server } from 'socket.io'

const globalForIo = globalThis as unknown as { __autodoctorIo?: Server }

/** The Socket.IO server, shared with Next's compiled routes through globalThis. */
export function getIo(): Server | undefined {
  return globalForIo.__autodoctorIo
}

export function setIo(io: Server | undefined): void {
  globalForIo.__autodoctorIo = io
}
