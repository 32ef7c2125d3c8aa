/** Server-generated identifiers; never derived from client input. */
export function newId(): string {
  return crypto.randomUUID()
}
