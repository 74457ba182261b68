/**
 * The credentials' display names say which nodes take them (n8n's lint wants them to end in "API"); the errors that
 * send a key to the other credential use the same words.
 */
export const ADMIN_CREDENTIAL_NAME = 'OpenAI Admin (Projects, Organization, Trigger) API';
export const CHAT_CREDENTIAL_NAME = 'OpenAI Chat (Project or User Key) API';
