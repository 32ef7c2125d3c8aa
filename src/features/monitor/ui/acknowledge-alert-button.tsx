import { ActionButton } from '@/components/action-button'

export function AcknowledgeAlertButton({ alertId, label }: { alertId: number; label: string }) {
  return (
    <ActionButton
      url={`/api/admin/alerts/${alertId}/acknowledge`}
      label="Acknowledge"
      pendingLabel="Acknowledging…"
      accessibleLabel={`Acknowledge: ${label}`}
      variant="secondary"
      className="items-start sm:items-end"
    />
  )
}
