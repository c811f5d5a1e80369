import { agencyIndicatorsRoute } from './agency-indicators.ts';
import { agencyWorkloadRoute } from './agency-workload.ts';
import { createEvaluationReportRoute } from './create-evaluation-report.ts';
import { createEvaluationCommentRoute, findEvaluationCommentsRoute } from './evaluation-comments.ts';
import { findEvaluationReportsRoute } from './find-evaluation-reports.ts';
import { getEvaluationReportFileRoute } from './get-evaluation-report-file.ts';
import { provinceIndicatorsRoute } from './province-indicators.ts';
import { provinceTrendRoute } from './province-trend.ts';

export const reportRoutes = [
  provinceIndicatorsRoute, provinceTrendRoute, agencyIndicatorsRoute, createEvaluationReportRoute, findEvaluationReportsRoute,
  getEvaluationReportFileRoute, findEvaluationCommentsRoute, createEvaluationCommentRoute, agencyWorkloadRoute,
];
