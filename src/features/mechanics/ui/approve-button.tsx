import { ActionButton } from '@/components/action-button'

export function ApproveMechanicButton({ mechanicId, name }: { mechanicId: string; name: string }) {
  return (
    <ActionButton
      url={`/api/admin/mechanics/${mechanicId}/approve`}
      label="Approve"
      pendingLabel="Approving…"
      accessibleLabel={`Approve ${name}`}
    />
  )
}
