/* cmio-assessment.c — self-assessment results: scores, strengths, gaps, chart
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-assessment.h"
#include "cmio-chart.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A result is scored against the pack it is made with: the pack's
 * competencies, in the pack's order, are what it scores. A rating of a
 * competency the pack no longer has is ignored; a competency the pack
 * gained since the assessment is unanswered. "Not sure" counts as neither
 * an answer nor a gap: it is left out of every mean, as is "unanswered".
 * A result is immutable once made. */

struct _CmioAssessmentResult
{
  grefcount ref_count;

  CmioContentPack *pack;
  char *assessment_id;
  GPtrArray *competencies;   /* CmioCompetency, in the pack's order */
  GArray *scores;            /* int, one per competency */
  GHashTable *positions;     /* competency id → position + 1 */
  GArray *domains;           /* CmioDomainScore, in the pack's order */
  GPtrArray *domain_ids;     /* owned copies that domains point at */
  guint n_answered;
  guint n_not_sure;
  guint n_unanswered;
  double sum;
  GStrv strengths;
  GStrv gaps;
};

G_DEFINE_BOXED_TYPE (CmioAssessmentResult, cmio_assessment_result,
                     cmio_assessment_result_ref, cmio_assessment_result_unref)

/* Strengths and gaps */

typedef struct
{
  guint position;
  int score;
} Ranked;

static int
compare_highest_first (gconstpointer a,
                       gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->score != rb->score)
    return rb->score - ra->score;
  return (ra->position > rb->position) - (ra->position < rb->position);
}

static int
compare_lowest_first (gconstpointer a,
                      gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->score != rb->score)
    return ra->score - rb->score;
  return (ra->position > rb->position) - (ra->position < rb->position);
}

/* The strengths are the highest scores, the gaps the lowest; among equal
 * scores the one earlier in the pack comes first, in both lists. A
 * competency is never both: with fewer than twice
 * CMIO_ASSESSMENT_N_HIGHLIGHTS answers, the strengths take the higher half
 * of them (rounded up) and the gaps the rest. "Not sure" and unanswered
 * competencies are neither. */
static void
rank (CmioAssessmentResult *self)
{
  g_autoptr(GArray) answered = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr(GStrvBuilder) strengths = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) gaps = g_strv_builder_new ();
  guint n_strengths;
  guint n_gaps;

  for (guint i = 0; i < self->scores->len; i++)
    {
      Ranked ranked = { i, g_array_index (self->scores, int, i) };

      if (ranked.score >= 1)
        g_array_append_val (answered, ranked);
    }

  n_strengths = MIN (CMIO_ASSESSMENT_N_HIGHLIGHTS, (answered->len + 1) / 2);
  n_gaps = MIN (CMIO_ASSESSMENT_N_HIGHLIGHTS, answered->len - n_strengths);

  g_array_sort (answered, compare_highest_first);
  for (guint i = 0; i < n_strengths; i++)
    {
      guint position = g_array_index (answered, Ranked, i).position;

      g_hash_table_add (taken, GUINT_TO_POINTER (position + 1));
      g_strv_builder_add (strengths,
                          cmio_competency_get_id (g_ptr_array_index (self->competencies, position)));
    }

  g_array_sort (answered, compare_lowest_first);
  for (guint i = 0, n = 0; i < answered->len && n < n_gaps; i++)
    {
      guint position = g_array_index (answered, Ranked, i).position;

      if (g_hash_table_contains (taken, GUINT_TO_POINTER (position + 1)))
        continue;
      g_strv_builder_add (gaps,
                          cmio_competency_get_id (g_ptr_array_index (self->competencies, position)));
      n++;
    }

  self->strengths = g_strv_builder_end (strengths);
  self->gaps = g_strv_builder_end (gaps);
}

/* Results */

/**
 * cmio_assessment_result_new:
 * @pack: the content pack to score against
 * @progress: the progress that holds the assessment
 * @assessment_id: the id of a completed assessment or of the draft
 *
 * Scores every competency of @pack from the assessment's ratings, and
 * every domain as the mean of its answered competencies.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL when
 *   @progress has no assessment with that id
 */
CmioAssessmentResult *
cmio_assessment_result_new (CmioContentPack *pack,
                            CmioProgress    *progress,
                            const char      *assessment_id)
{
  CmioAssessmentResult *self;
  GListModel *competencies;
  guint n_competencies;
  guint n_domains;

  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);

  if (assessment_id == NULL ||
      cmio_progress_get_assessment_field (progress, assessment_id, "id") == NULL)
    return NULL;

  self = g_new0 (CmioAssessmentResult, 1);
  g_ref_count_init (&self->ref_count);
  self->pack = g_object_ref (pack);
  self->assessment_id = g_strdup (assessment_id);
  self->competencies = g_ptr_array_new_with_free_func (g_object_unref);
  self->scores = g_array_new (FALSE, FALSE, sizeof (int));
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
  self->domains = g_array_new (FALSE, TRUE, sizeof (CmioDomainScore));
  self->domain_ids = g_ptr_array_new_with_free_func (g_free);

  n_domains = cmio_content_pack_get_n_domains (pack);
  for (guint i = 0; i < n_domains; i++)
    {
      char *id = g_strdup (cmio_content_pack_get_domain (pack, i)->id);
      CmioDomainScore score = { id, 0.0, 0, 0, 0 };

      g_ptr_array_add (self->domain_ids, id);
      g_array_append_val (self->domains, score);
    }

  competencies = cmio_content_pack_get_competencies (pack);
  n_competencies = g_list_model_get_n_items (competencies);
  for (guint i = 0; i < n_competencies; i++)
    {
      CmioCompetency *competency = g_list_model_get_item (competencies, i);
      const char *id = cmio_competency_get_id (competency);
      CmioDomainScore *domain;
      int level = 0;
      int score;

      if (!cmio_progress_get_rating (progress, assessment_id, id, &level, NULL))
        score = CMIO_ASSESSMENT_UNANSWERED;
      else if (level >= 1 && level <= CMIO_N_LEVELS)
        score = level;
      else
        score = CMIO_ASSESSMENT_NOT_SURE;

      g_ptr_array_add (self->competencies, competency);
      g_array_append_val (self->scores, score);
      g_hash_table_insert (self->positions, (gpointer) id, GUINT_TO_POINTER (i + 1));

      domain = (CmioDomainScore *) cmio_assessment_result_find_domain (self,
                                                                       cmio_competency_get_domain_id (competency));
      if (score >= 1)
        {
          self->n_answered++;
          self->sum += score;
          if (domain != NULL)
            {
              /* The sum, until every competency is in. */
              domain->n_answered++;
              domain->mean += score;
            }
        }
      else if (score == CMIO_ASSESSMENT_NOT_SURE)
        {
          self->n_not_sure++;
          if (domain != NULL)
            domain->n_not_sure++;
        }
      else
        {
          self->n_unanswered++;
          if (domain != NULL)
            domain->n_unanswered++;
        }
    }

  for (guint i = 0; i < self->domains->len; i++)
    {
      CmioDomainScore *domain = &g_array_index (self->domains, CmioDomainScore, i);

      if (domain->n_answered > 0)
        domain->mean /= domain->n_answered;
    }

  rank (self);
  return self;
}

CmioAssessmentResult *
cmio_assessment_result_ref (CmioAssessmentResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
cmio_assessment_result_unref (CmioAssessmentResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->competencies, g_ptr_array_unref);
  g_clear_pointer (&self->scores, g_array_unref);
  g_clear_pointer (&self->domains, g_array_unref);
  g_clear_pointer (&self->domain_ids, g_ptr_array_unref);
  g_clear_pointer (&self->strengths, g_strfreev);
  g_clear_pointer (&self->gaps, g_strfreev);
  g_clear_pointer (&self->assessment_id, g_free);
  g_clear_object (&self->pack);
  g_free (self);
}

const char *
cmio_assessment_result_get_assessment_id (CmioAssessmentResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->assessment_id;
}

/* The number of competencies scored: those of the pack. */
guint
cmio_assessment_result_get_n_competencies (CmioAssessmentResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->competencies->len;
}

/**
 * cmio_assessment_result_get_competency:
 * @self: a #CmioAssessmentResult
 * @position: which competency, in the pack's order
 *
 * Returns: (transfer none): the competency
 */
CmioCompetency *
cmio_assessment_result_get_competency (CmioAssessmentResult *self,
                                       guint                 position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->competencies->len, NULL);

  return g_ptr_array_index (self->competencies, position);
}

/**
 * cmio_assessment_result_get_score:
 * @self: a #CmioAssessmentResult
 * @competency_id: a competency id
 *
 * Returns: the level, 1–5; %CMIO_ASSESSMENT_NOT_SURE; or
 *   %CMIO_ASSESSMENT_UNANSWERED, also for a competency the pack does not have
 */
int
cmio_assessment_result_get_score (CmioAssessmentResult *self,
                                  const char           *competency_id)
{
  guint position;

  g_return_val_if_fail (self != NULL, CMIO_ASSESSMENT_UNANSWERED);

  if (competency_id == NULL)
    return CMIO_ASSESSMENT_UNANSWERED;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, competency_id));
  if (position == 0)
    return CMIO_ASSESSMENT_UNANSWERED;

  return g_array_index (self->scores, int, position - 1);
}

/**
 * cmio_assessment_result_get_counts:
 * @self: a #CmioAssessmentResult
 * @n_answered: (out) (optional): competencies rated 1–5
 * @n_not_sure: (out) (optional): competencies marked "not sure"
 * @n_unanswered: (out) (optional): competencies with no rating
 *
 * The three add up to the pack's competencies.
 */
void
cmio_assessment_result_get_counts (CmioAssessmentResult *self,
                                   guint                *n_answered,
                                   guint                *n_not_sure,
                                   guint                *n_unanswered)
{
  g_return_if_fail (self != NULL);

  if (n_answered != NULL)
    *n_answered = self->n_answered;
  if (n_not_sure != NULL)
    *n_not_sure = self->n_not_sure;
  if (n_unanswered != NULL)
    *n_unanswered = self->n_unanswered;
}

/**
 * cmio_assessment_result_get_mean:
 * @self: a #CmioAssessmentResult
 * @mean: (out) (optional): the mean of every answered competency (not of the
 *   domains' means); 0 when there is none
 *
 * Returns: %TRUE if any competency was answered
 */
gboolean
cmio_assessment_result_get_mean (CmioAssessmentResult *self,
                                 double               *mean)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (mean != NULL)
    *mean = self->n_answered > 0 ? self->sum / self->n_answered : 0.0;
  return self->n_answered > 0;
}

/* The number of domains scored: those of the pack. */
guint
cmio_assessment_result_get_n_domains (CmioAssessmentResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->domains->len;
}

/**
 * cmio_assessment_result_get_domain:
 * @self: a #CmioAssessmentResult
 * @position: which domain, in the pack's order
 *
 * Returns: (transfer none): the domain's score, valid as long as @self
 */
const CmioDomainScore *
cmio_assessment_result_get_domain (CmioAssessmentResult *self,
                                   guint                 position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->domains->len, NULL);

  return &g_array_index (self->domains, CmioDomainScore, position);
}

/**
 * cmio_assessment_result_find_domain:
 * @self: a #CmioAssessmentResult
 * @domain_id: a domain id
 *
 * Returns: (transfer none) (nullable): the domain's score, or %NULL when
 *   the pack has no such domain
 */
const CmioDomainScore *
cmio_assessment_result_find_domain (CmioAssessmentResult *self,
                                    const char           *domain_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; domain_id != NULL && i < self->domains->len; i++)
    if (strcmp (g_array_index (self->domains, CmioDomainScore, i).domain_id, domain_id) == 0)
      return &g_array_index (self->domains, CmioDomainScore, i);

  return NULL;
}

/**
 * cmio_assessment_result_get_domain_mean:
 * @self: a #CmioAssessmentResult
 * @domain_id: a domain id
 * @mean: (out) (optional): the mean of the domain's answered competencies;
 *   0 when there is none
 *
 * Returns: %TRUE if the domain has an answered competency
 */
gboolean
cmio_assessment_result_get_domain_mean (CmioAssessmentResult *self,
                                        const char           *domain_id,
                                        double               *mean)
{
  const CmioDomainScore *domain;

  g_return_val_if_fail (self != NULL, FALSE);

  domain = cmio_assessment_result_find_domain (self, domain_id);
  if (mean != NULL)
    *mean = domain != NULL ? domain->mean : 0.0;
  return domain != NULL && domain->n_answered > 0;
}

/**
 * cmio_assessment_result_get_strengths:
 * @self: a #CmioAssessmentResult
 *
 * The highest-scored competencies, highest first; at most
 * %CMIO_ASSESSMENT_N_HIGHLIGHTS, fewer when fewer were answered, none when
 * none was (every one "not sure", say). Ties go to the competency earlier
 * in the pack; a strength is never also a gap.
 *
 * Returns: (transfer none): the competencies' ids
 */
const char * const *
cmio_assessment_result_get_strengths (CmioAssessmentResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->strengths;
}

/**
 * cmio_assessment_result_get_gaps:
 * @self: a #CmioAssessmentResult
 *
 * The lowest-scored competencies, lowest first; at most
 * %CMIO_ASSESSMENT_N_HIGHLIGHTS, and only answered ones that are not
 * strengths. Ties go to the competency earlier in the pack.
 *
 * Returns: (transfer none): the competencies' ids
 */
const char * const *
cmio_assessment_result_get_gaps (CmioAssessmentResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->gaps;
}

/**
 * cmio_assessment_result_dup_recommendations:
 * @self: a #CmioAssessmentResult
 * @competency_id: a competency id, a gap's say
 * @chapter_ids: (out) (optional) (transfer full): the chapters related to
 *   the competency, in the competency's order, those the pack has
 * @item_ids: (out) (optional) (transfer full): the pack's checklist items of
 *   those chapters, chapter by chapter in the pack's order; custom items are
 *   not in it
 *
 * Returns: %TRUE if the pack has the competency; otherwise both lists are
 *   empty
 */
gboolean
cmio_assessment_result_dup_recommendations (CmioAssessmentResult  *self,
                                            const char            *competency_id,
                                            GStrv                 *chapter_ids,
                                            GStrv                 *item_ids)
{
  g_autoptr(GStrvBuilder) chapters = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint position = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (competency_id != NULL)
    position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, competency_id));

  if (position > 0)
    {
      CmioCompetency *competency = g_ptr_array_index (self->competencies, position - 1);
      const char * const *related = cmio_competency_get_chapter_ids (competency);

      for (guint i = 0; related != NULL && related[i] != NULL; i++)
        {
          g_autoptr(GPtrArray) chapter_items = NULL;

          if (g_hash_table_contains (seen, related[i]) ||
              cmio_content_pack_find_chapter (self->pack, related[i]) == NULL)
            continue;

          g_hash_table_add (seen, (gpointer) related[i]);
          g_strv_builder_add (chapters, related[i]);
          chapter_items = cmio_content_pack_get_chapter_items (self->pack, related[i]);
          for (guint j = 0; j < chapter_items->len; j++)
            g_strv_builder_add (items, cmio_checklist_item_get_id (g_ptr_array_index (chapter_items, j)));
        }
    }

  if (chapter_ids != NULL)
    *chapter_ids = g_strv_builder_end (chapters);
  if (item_ids != NULL)
    *item_ids = g_strv_builder_end (items);
  return position > 0;
}

/* History */

typedef struct
{
  guint position;
  const char *id;
  const char *completed_at;
  GDateTime *time;           /* NULL when completed_at does not parse */
} Completed;

static int
compare_completed (gconstpointer a,
                   gconstpointer b)
{
  const Completed *ca = a;
  const Completed *cb = b;
  int order = 0;

  if (ca->time != NULL && cb->time != NULL)
    order = g_date_time_compare (ca->time, cb->time);
  else
    order = g_strcmp0 (ca->completed_at, cb->completed_at);

  if (order != 0)
    return order;
  return (ca->position > cb->position) - (ca->position < cb->position);
}

/**
 * cmio_assessment_dup_history:
 * @progress: a #CmioProgress
 *
 * Returns: (transfer full): the ids of the completed assessments, the
 *   earliest completed first (in the file's order when two have the same
 *   time); not the draft
 */
GStrv
cmio_assessment_dup_history (CmioProgress *progress)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) completed = NULL;
  guint n;

  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);

  n = cmio_progress_get_n_assessments (progress);
  completed = g_array_sized_new (FALSE, FALSE, sizeof (Completed), n);
  for (guint i = 0; i < n; i++)
    {
      Completed entry = { i, cmio_progress_get_assessment_id (progress, i), NULL, NULL };

      entry.completed_at = cmio_progress_get_assessment_field (progress, entry.id, "completed_at");
      if (entry.completed_at != NULL)
        entry.time = g_date_time_new_from_iso8601 (entry.completed_at, NULL);
      g_array_append_val (completed, entry);
    }

  g_array_sort (completed, compare_completed);
  for (guint i = 0; i < completed->len; i++)
    {
      Completed *entry = &g_array_index (completed, Completed, i);

      g_strv_builder_add (builder, entry->id);
      g_clear_pointer (&entry->time, g_date_time_unref);
    }

  return g_strv_builder_end (builder);
}

/* @id's copy held by @progress, for returning a pointer it owns. */
static const char *
progress_owned_id (CmioProgress *progress,
                   const char   *id)
{
  return id != NULL ? cmio_progress_get_assessment_field (progress, id, "id") : NULL;
}

/**
 * cmio_assessment_find_first:
 * @progress: a #CmioProgress
 *
 * Returns: (transfer none) (nullable): the id of the earliest completed
 *   assessment, or %NULL when there is none
 */
const char *
cmio_assessment_find_first (CmioProgress *progress)
{
  g_auto(GStrv) history = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);

  history = cmio_assessment_dup_history (progress);
  return progress_owned_id (progress, history[0]);
}

/**
 * cmio_assessment_find_previous:
 * @progress: a #CmioProgress
 * @assessment_id: the id of a completed assessment or of the draft
 *
 * Returns: (transfer none) (nullable): the id of the completed assessment
 *   before @assessment_id (for the draft, the latest completed one), or
 *   %NULL when there is none or no assessment has that id
 */
const char *
cmio_assessment_find_previous (CmioProgress *progress,
                               const char   *assessment_id)
{
  g_auto(GStrv) history = NULL;
  guint n;

  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);

  if (assessment_id == NULL ||
      cmio_progress_get_assessment_field (progress, assessment_id, "id") == NULL)
    return NULL;

  history = cmio_assessment_dup_history (progress);
  n = g_strv_length (history);
  for (guint i = 0; i < n; i++)
    if (strcmp (history[i], assessment_id) == 0)
      return i > 0 ? progress_owned_id (progress, history[i - 1]) : NULL;

  /* The draft: after every completed one. */
  return n > 0 ? progress_owned_id (progress, history[n - 1]) : NULL;
}

/* The chart */

typedef struct
{
  char *label;               /* for the legend, with the date */
  double *values;            /* one per domain, -1 when none answered */
} SeriesData;

static void
series_data_clear (SeriesData *data)
{
  g_clear_pointer (&data->label, g_free);
  g_clear_pointer (&data->values, g_free);
}

/* The date part of the assessment's completion (or start, for the draft). */
static char *
assessment_date (CmioProgress *progress,
                 const char   *assessment_id)
{
  const char *at = cmio_progress_get_assessment_field (progress, assessment_id, "completed_at");

  if (at == NULL)
    at = cmio_progress_get_assessment_field (progress, assessment_id, "started_at");
  if (at == NULL || strlen (at) < 10)
    return NULL;
  return g_strndup (at, 10);
}

static gboolean
add_series (GArray              *series,
            GArray              *data,
            CmioContentPack     *pack,
            CmioProgress        *progress,
            const char          *assessment_id,
            CmioChartSeriesKind  kind,
            const char          *name,
            const char          *dated_format)
{
  g_autoptr(CmioAssessmentResult) result = NULL;
  g_autofree char *date = NULL;
  guint n_domains = cmio_content_pack_get_n_domains (pack);
  SeriesData entry = { NULL, NULL };
  CmioChartSeries chart = { kind, cmio_progress_get_assessment_field (progress, assessment_id, "id"), NULL, name, NULL };

  result = cmio_assessment_result_new (pack, progress, assessment_id);
  if (result == NULL)
    return FALSE;

  date = assessment_date (progress, assessment_id);
  entry.label = date != NULL ? g_strdup_printf (dated_format, date) : g_strdup (name);
  entry.values = g_new (double, MAX (n_domains, 1));
  for (guint d = 0; d < n_domains; d++)
    {
      double mean = 0.0;

      if (!cmio_assessment_result_get_domain_mean (result, cmio_content_pack_get_domain (pack, d)->id, &mean))
        mean = -1.0;
      entry.values[d] = mean;
    }

  chart.label = entry.label;
  chart.values = entry.values;
  g_array_append_val (data, entry);
  g_array_append_val (series, chart);
  return TRUE;
}

/**
 * cmio_assessment_chart_svg:
 * @pack: the content pack to score against
 * @progress: the progress that holds the assessments
 * @assessment_id: the id of a completed assessment or of the draft
 * @title: (nullable): the chart's title; %NULL for the usual one
 *
 * Draws the mean score of every domain, 0 to 5, as horizontal bars: one
 * for the first completed assessment and one for the one before
 * @assessment_id when those exist and are other assessments, and one for
 * @assessment_id, in that order. See cmio_chart_svg() for the drawing.
 *
 * Returns: (transfer full) (nullable): the SVG document, or %NULL when
 *   @progress has no assessment with that id
 */
char *
cmio_assessment_chart_svg (CmioContentPack *pack,
                           CmioProgress    *progress,
                           const char      *assessment_id,
                           const char      *title)
{
  g_autoptr(GArray) series = NULL;
  g_autoptr(GArray) data = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  const char *first;
  const char *previous;
  guint n_domains;

  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);

  if (assessment_id == NULL ||
      cmio_progress_get_assessment_field (progress, assessment_id, "id") == NULL)
    return NULL;

  series = g_array_new (FALSE, TRUE, sizeof (CmioChartSeries));
  data = g_array_new (FALSE, TRUE, sizeof (SeriesData));
  g_array_set_clear_func (data, (GDestroyNotify) series_data_clear);

  first = cmio_assessment_find_first (progress);
  previous = cmio_assessment_find_previous (progress, assessment_id);
  if (g_strcmp0 (first, assessment_id) == 0)
    first = NULL;
  if (g_strcmp0 (previous, assessment_id) == 0 || g_strcmp0 (previous, first) == 0)
    previous = NULL;

  if (first != NULL)
    /* Translators: in the chart's legend; %s is a date like 2026-11-27 */
    add_series (series, data, pack, progress, first, CMIO_CHART_SERIES_FIRST, _("First"), _("First, %s"));
  if (previous != NULL)
    /* Translators: in the chart's legend; %s is a date like 2026-11-27 */
    add_series (series, data, pack, progress, previous, CMIO_CHART_SERIES_PREVIOUS,
                _("Previous"), _("Previous, %s"));
  /* Translators: in the chart's legend; %s is a date like 2026-11-27 */
  if (!add_series (series, data, pack, progress, assessment_id, CMIO_CHART_SERIES_THIS,
                   _("This assessment"), _("This assessment, %s")))
    return NULL;

  n_domains = cmio_content_pack_get_n_domains (pack);
  titles = g_ptr_array_sized_new (n_domains);
  for (guint d = 0; d < n_domains; d++)
    g_ptr_array_add (titles, (gpointer) cmio_content_pack_get_domain (pack, d)->title);

  return cmio_chart_svg (title, assessment_id, n_domains, (const char * const *) titles->pdata,
                         series->len, (const CmioChartSeries *) series->data);
}
