/* cmio-assessment.h — self-assessment results: scores, strengths, gaps, chart
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cmio-content-pack.h"
#include "cmio-progress.h"

G_BEGIN_DECLS

/* A competency's score: 1–5 when answered, or one of these. */
#define CMIO_ASSESSMENT_NOT_SURE   0
#define CMIO_ASSESSMENT_UNANSWERED (-1)

/* How many strengths and gaps a result names at most. */
#define CMIO_ASSESSMENT_N_HIGHLIGHTS 3

/* One domain's score in a result. */
typedef struct
{
  const char *domain_id;
  double      mean;          /* of the answered competencies; 0 when none */
  guint       n_answered;
  guint       n_not_sure;
  guint       n_unanswered;
} CmioDomainScore;

typedef struct _CmioAssessmentResult CmioAssessmentResult;

#define CMIO_TYPE_ASSESSMENT_RESULT (cmio_assessment_result_get_type ())

GType                  cmio_assessment_result_get_type          (void) G_GNUC_CONST;
CmioAssessmentResult  *cmio_assessment_result_new               (CmioContentPack       *pack,
                                                                 CmioProgress          *progress,
                                                                 const char            *assessment_id);
CmioAssessmentResult  *cmio_assessment_result_ref               (CmioAssessmentResult  *self);
void                   cmio_assessment_result_unref             (CmioAssessmentResult  *self);
const char            *cmio_assessment_result_get_assessment_id (CmioAssessmentResult  *self);

/* Competencies, in the pack's order */
guint                  cmio_assessment_result_get_n_competencies (CmioAssessmentResult *self);
CmioCompetency        *cmio_assessment_result_get_competency    (CmioAssessmentResult  *self,
                                                                 guint                  position);
int                    cmio_assessment_result_get_score         (CmioAssessmentResult  *self,
                                                                 const char            *competency_id);
void                   cmio_assessment_result_get_counts        (CmioAssessmentResult  *self,
                                                                 guint                 *n_answered,
                                                                 guint                 *n_not_sure,
                                                                 guint                 *n_unanswered);
gboolean               cmio_assessment_result_get_mean          (CmioAssessmentResult  *self,
                                                                 double                *mean);

/* Domains, in the pack's order */
guint                  cmio_assessment_result_get_n_domains     (CmioAssessmentResult  *self);
const CmioDomainScore *cmio_assessment_result_get_domain        (CmioAssessmentResult  *self,
                                                                 guint                  position);
const CmioDomainScore *cmio_assessment_result_find_domain       (CmioAssessmentResult  *self,
                                                                 const char            *domain_id);
gboolean               cmio_assessment_result_get_domain_mean   (CmioAssessmentResult  *self,
                                                                 const char            *domain_id,
                                                                 double                *mean);

/* Strengths, gaps and what addresses them */
const char * const    *cmio_assessment_result_get_strengths     (CmioAssessmentResult  *self);
const char * const    *cmio_assessment_result_get_gaps          (CmioAssessmentResult  *self);
gboolean               cmio_assessment_result_dup_recommendations (CmioAssessmentResult *self,
                                                                 const char            *competency_id,
                                                                 GStrv                 *chapter_ids,
                                                                 GStrv                 *item_ids);

/* History and the chart */
GStrv                  cmio_assessment_dup_history              (CmioProgress          *progress);
const char            *cmio_assessment_find_first               (CmioProgress          *progress);
const char            *cmio_assessment_find_previous            (CmioProgress          *progress,
                                                                 const char            *assessment_id);
char                  *cmio_assessment_chart_svg                (CmioContentPack       *pack,
                                                                 CmioProgress          *progress,
                                                                 const char            *assessment_id,
                                                                 const char            *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmioAssessmentResult, cmio_assessment_result_unref)

G_END_DECLS
