import { explainAuditLoggingOff } from '../auditLogs/auditLogs';
import { explainRefusalsWith } from '../transport';
import { explainGroupRefusal } from './groupRefusals';
import { explainKeyRefusal, explainMemberRefusal, explainProjectRefusal } from './projectRefusals';

/**
 * How the resources read OpenAI's refusals of their requests, handed to the transport's error shaping once. Every
 * node imports this file, so any request of any node is explained alike. The order matters where two could match:
 * audit logging first (any 4xx of the audit log), then projects, members and keys (400 and 422 only).
 */
explainRefusalsWith(explainAuditLoggingOff, explainProjectRefusal, explainMemberRefusal, explainKeyRefusal, explainGroupRefusal);
