/* cmio-assessment.c — self-assessment results: scores, strengths, gaps, chart
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-assessment.h"

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

#define CHART_WIDTH        640
#define CHART_MARGIN       16
#define CHART_VALUE_SPACE  64    /* right of the plot, for the value after a full bar */
#define CHART_TITLE_SIZE   16
#define CHART_TEXT_SIZE    12
#define CHART_LEGEND_ROW   20
#define CHART_BAR_HEIGHT   14
#define CHART_BAR_GAP      4
#define CHART_DOMAIN_GAP   14
#define CHART_MAX_LABEL    80    /* characters of a domain's title shown; all in the description */
#define CHART_MAX_SCORE    5

typedef struct
{
  const char *kind;          /* "first", "previous" or "this" */
  const char *color;
  char *label;               /* for the legend, with the date */
  const char *name;          /* for the description */
  CmioAssessmentResult *result;
} Series;

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->label, g_free);
  g_clear_pointer (&series->result, cmio_assessment_result_unref);
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
add_series (GArray          *series,
            CmioContentPack *pack,
            CmioProgress    *progress,
            const char      *assessment_id,
            const char      *kind,
            const char      *color,
            const char      *name,
            const char      *dated_format)
{
  g_autofree char *date = NULL;
  Series entry = { kind, color, NULL, name, NULL };

  entry.result = cmio_assessment_result_new (pack, progress, assessment_id);
  if (entry.result == NULL)
    return FALSE;

  date = assessment_date (progress, assessment_id);
  entry.label = date != NULL ? g_strdup_printf (dated_format, date) : g_strdup (name);
  g_array_append_val (series, entry);
  return TRUE;
}

/* @text, cut to @max characters with an ellipsis. */
static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  cut = g_utf8_substring (text, 0, max - 1);
  return g_strconcat (cut, "…", NULL);
}

/* The score shown: one decimal, in the user's notation. */
static char *
format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

/* @id, made safe for an XML id and unique enough in a page. */
static char *
element_id (const char *assessment_id,
            const char *suffix)
{
  GString *id = g_string_new ("cmio-chart-");

  for (const char *p = assessment_id; *p != '\0'; p++)
    g_string_append_c (id, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
  g_string_append_printf (id, "-%s", suffix);
  return g_string_free (id, FALSE);
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
 * @assessment_id, in that order. A domain with no answer in an assessment
 * has no bar there and says so. The SVG stands alone (no script, no
 * style sheet, no link, no external resource, a white background), every
 * text in it is escaped, it has role="img" with a <title> and a <desc>
 * that gives every score in words, and the same input always gives the
 * same output.
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
  g_autoptr(GString) svg = NULL;
  g_autoptr(GString) desc = NULL;
  g_autofree char *title_id = NULL;
  g_autofree char *desc_id = NULL;
  const char *first;
  const char *previous;
  const int plot_x = CHART_MARGIN;
  const int plot_width = CHART_WIDTH - 2 * CHART_MARGIN - CHART_VALUE_SPACE;
  guint n_domains;
  int legend_y;
  int plot_top;
  int group_height;
  int plot_bottom;
  int height;

  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);

  if (assessment_id == NULL ||
      cmio_progress_get_assessment_field (progress, assessment_id, "id") == NULL)
    return NULL;

  if (title == NULL)
    title = _("Self-assessment by domain");

  series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (series, (GDestroyNotify) series_clear);

  first = cmio_assessment_find_first (progress);
  previous = cmio_assessment_find_previous (progress, assessment_id);
  if (g_strcmp0 (first, assessment_id) == 0)
    first = NULL;
  if (g_strcmp0 (previous, assessment_id) == 0 || g_strcmp0 (previous, first) == 0)
    previous = NULL;

  if (first != NULL)
    /* Translators: in the chart's legend; %s is a date like 2026-11-27 */
    add_series (series, pack, progress, first, "first", "#77767b", _("First"), _("First, %s"));
  if (previous != NULL)
    /* Translators: in the chart's legend; %s is a date like 2026-11-27 */
    add_series (series, pack, progress, previous, "previous", "#e66100", _("Previous"), _("Previous, %s"));
  /* Translators: in the chart's legend; %s is a date like 2026-11-27 */
  if (!add_series (series, pack, progress, assessment_id, "this", "#1c71d8",
                   _("This assessment"), _("This assessment, %s")))
    return NULL;

  n_domains = cmio_content_pack_get_n_domains (pack);
  legend_y = CHART_MARGIN + CHART_TITLE_SIZE + 16;
  plot_top = legend_y + (int) series->len * CHART_LEGEND_ROW + 8;
  group_height = CHART_TEXT_SIZE + 6 + (int) series->len * (CHART_BAR_HEIGHT + CHART_BAR_GAP) + CHART_DOMAIN_GAP;
  plot_bottom = plot_top + (int) n_domains * group_height;
  height = plot_bottom + CHART_TEXT_SIZE + 8 + CHART_MARGIN;

  title_id = element_id (assessment_id, "title");
  desc_id = element_id (assessment_id, "desc");

  /* The description: every score in words. */
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) labels = NULL;
    g_autofree char *joined = NULL;

    for (guint i = 0; i < series->len; i++)
      g_strv_builder_add (builder, g_array_index (series, Series, i).label);
    labels = g_strv_builder_end (builder);
    joined = g_strjoinv ("; ", labels);
    desc = g_string_new (NULL);
    /* Translators: the chart's description; %s lists the assessments shown */
    g_string_append_printf (desc, _("Mean score per domain, from 1 to 5, of the competencies answered, in: %s."),
                            joined);
  }
  for (guint d = 0; d < n_domains; d++)
    {
      const CmioDomain *domain = cmio_content_pack_get_domain (pack, d);

      g_string_append_printf (desc, " %s —", domain->title);
      for (guint i = 0; i < series->len; i++)
        {
          Series *entry = &g_array_index (series, Series, i);
          double mean = 0.0;
          g_autofree char *value = NULL;

          if (cmio_assessment_result_get_domain_mean (entry->result, domain->id, &mean))
            value = format_score (mean);
          else
            value = g_strdup (_("no answers"));
          g_string_append_printf (desc, "%s %s: %s", i > 0 ? ";" : "", entry->name, value);
        }
      g_string_append_c (desc, '.');
    }

  svg = g_string_new (NULL);
  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                          "role=\"img\" aria-labelledby=\"%s %s\" "
                          "font-family=\"sans-serif\" font-size=\"%d\">\n",
                          CHART_WIDTH, height, CHART_WIDTH, height,
                          title_id, desc_id, CHART_TEXT_SIZE);
  {
    g_autofree char *text = g_markup_printf_escaped ("<title id=\"%s\">%s</title>\n"
                                                     "<desc id=\"%s\">%s</desc>\n",
                                                     title_id, title, desc_id, desc->str);
    g_string_append (svg, text);
  }
  g_string_append_printf (svg, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
                          CHART_WIDTH, height);
  {
    g_autofree char *text = g_markup_printf_escaped ("<text x=\"%d\" y=\"%d\" font-size=\"%d\" "
                                                     "font-weight=\"bold\" fill=\"#241f31\" "
                                                     "aria-hidden=\"true\">%s</text>\n",
                                                     CHART_MARGIN, CHART_MARGIN + CHART_TITLE_SIZE,
                                                     CHART_TITLE_SIZE, title);
    g_string_append (svg, text);
  }

  /* The legend, one series a row. */
  g_string_append (svg, "<g class=\"legend\">\n");
  for (guint i = 0; i < series->len; i++)
    {
      Series *entry = &g_array_index (series, Series, i);
      int y = legend_y + (int) i * CHART_LEGEND_ROW;
      g_autofree char *text = g_markup_printf_escaped ("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
                                                       "fill=\"%s\"/>"
                                                       "<text x=\"%d\" y=\"%d\" fill=\"#241f31\">%s</text>\n",
                                                       CHART_MARGIN, y, entry->color,
                                                       CHART_MARGIN + 18, y + 11, entry->label);

      g_string_append (svg, text);
    }
  g_string_append (svg, "</g>\n");

  /* The scale: a line at every whole score, numbered below. */
  g_string_append (svg, "<g class=\"scale\" stroke=\"#deddda\" stroke-width=\"1\">\n");
  for (int score = 0; score <= CHART_MAX_SCORE; score++)
    {
      int x = plot_x + score * plot_width / CHART_MAX_SCORE;

      g_string_append_printf (svg, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                              x, plot_top, x, plot_bottom);
    }
  g_string_append (svg, "</g>\n<g class=\"scale-labels\" fill=\"#5e5c64\" text-anchor=\"middle\">\n");
  for (int score = 0; score <= CHART_MAX_SCORE; score++)
    g_string_append_printf (svg, "<text x=\"%d\" y=\"%d\">%d</text>\n",
                            plot_x + score * plot_width / CHART_MAX_SCORE,
                            plot_bottom + CHART_TEXT_SIZE + 4, score);
  g_string_append (svg, "</g>\n");

  /* The domains' names, above their bars. */
  g_string_append (svg, "<g class=\"domains\" fill=\"#241f31\">\n");
  for (guint d = 0; d < n_domains; d++)
    {
      const CmioDomain *domain = cmio_content_pack_get_domain (pack, d);
      g_autofree char *label = shorten (domain->title, CHART_MAX_LABEL);
      g_autofree char *text = g_markup_printf_escaped ("<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n",
                                                       plot_x, plot_top + (int) d * group_height + CHART_TEXT_SIZE,
                                                       label);

      g_string_append (svg, text);
    }
  g_string_append (svg, "</g>\n");

  /* One group of bars per series. */
  for (guint i = 0; i < series->len; i++)
    {
      Series *entry = &g_array_index (series, Series, i);
      g_autofree char *open = g_markup_printf_escaped ("<g class=\"series series-%s\" data-assessment=\"%s\" "
                                                       "fill=\"%s\">\n",
                                                       entry->kind,
                                                       cmio_assessment_result_get_assessment_id (entry->result),
                                                       entry->color);

      g_string_append (svg, open);
      for (guint d = 0; d < n_domains; d++)
        {
          const CmioDomain *domain = cmio_content_pack_get_domain (pack, d);
          int y = plot_top + (int) d * group_height + CHART_TEXT_SIZE + 6 +
                  (int) i * (CHART_BAR_HEIGHT + CHART_BAR_GAP);
          double mean = 0.0;
          g_autofree char *text = NULL;

          if (cmio_assessment_result_get_domain_mean (entry->result, domain->id, &mean))
            {
              g_autofree char *value = format_score (mean);
              int width = (int) (CLAMP (mean, 0.0, CHART_MAX_SCORE) * plot_width / CHART_MAX_SCORE + 0.5);

              text = g_markup_printf_escaped ("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
                                              "<title>%s, %s: %s</title></rect>"
                                              "<text x=\"%d\" y=\"%d\" fill=\"#241f31\">%s</text>\n",
                                              plot_x, y, width, CHART_BAR_HEIGHT,
                                              domain->title, entry->label, value,
                                              plot_x + width + 6, y + CHART_BAR_HEIGHT - 3, value);
            }
          else
            /* A sliver of the series' colour, and the words. */
            text = g_markup_printf_escaped ("<rect x=\"%d\" y=\"%d\" width=\"3\" height=\"%d\"/>"
                                            "<text x=\"%d\" y=\"%d\" fill=\"#5e5c64\" "
                                            "font-style=\"italic\">%s</text>\n",
                                            plot_x, y, CHART_BAR_HEIGHT,
                                            plot_x + 9, y + CHART_BAR_HEIGHT - 3, _("no answers"));
          g_string_append (svg, text);
        }
      g_string_append (svg, "</g>\n");
    }

  g_string_append (svg, "</svg>\n");
  return g_string_free (g_steal_pointer (&svg), FALSE);
}
