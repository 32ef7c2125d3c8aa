/** Server-generated identifiers; never derived from client input. */
export function newId(): string {
  return crypto.randomUUID()
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether an id from a URL or a payload can be a row id; anything else is "not found" unseen. */
export function isUuid(value: string): boolean {
  return UUID.test(value)
}
