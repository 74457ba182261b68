import { explainAuditLoggingOff } from '../auditLogs/auditLogs';
import { explainRefusalsWith } from '../transport';
import { explainCertificateRefusal } from './certificates';
import { explainGroupRefusal } from './groupRefusals';
import { explainKeyRefusal, explainMemberRefusal, explainProjectRefusal } from './projectRefusals';
import { explainRoleRefusal } from './roleRefusals';
import { explainSpendLimitRefusal } from './spendRefusals';

/**
 * How the resources read OpenAI's refusals of their requests, handed to the transport's error shaping once. Every
 * node imports this file, so any request of any node is explained alike. The order matters where two could match:
 * audit logging first (any 4xx of the audit log), then roles (their requests only: a role's last owner is not a
 * project member's), projects, members and keys (400 and 422 only).
 */
explainRefusalsWith(explainAuditLoggingOff, explainRoleRefusal, explainProjectRefusal, explainMemberRefusal, explainKeyRefusal, explainGroupRefusal, explainSpendLimitRefusal);
// Certificates (their paths only): one still active somewhere, or not a PEM certificate.
explainRefusalsWith(explainCertificateRefusal);
