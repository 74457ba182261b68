/**
 * What n8n's node panel shows under "OpenAI Organization". The panel merges a trigger into the node whose type name
 * is the trigger's without "Trigger" (openAiOrganizationTrigger into openAiOrganization) and shows the trigger's
 * description for the merged entry, in "What happens next?" as in "What triggers this workflow?". Both nodes carry
 * this text so the entry reads right wherever it appears.
 */
export const ORGANIZATION_ENTRY_DESCRIPTION =
	"Manage an OpenAI organization's users, invites, audit log, usage and costs, or start a workflow on its events (needs an Admin API key)";
