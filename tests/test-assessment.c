/* test-assessment.c — self-assessment results: scores, strengths, gaps,
 * recommendations, history and the chart
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cmio-assessment.h"
#include "cmio-test-core.h"

/* The packs are written by the tests, in a temporary folder:
 *   chapters: first (items one-a, one-b), second (item two-a), third (item three-a)
 *   domains:  leadership "Leadership & <Change>", clinical "Clinical “Safety”",
 *             data "Data", idle "Idle" (no competency at all)
 *   competencies, in this order:
 *     lead-a (leadership; first), lead-b (leadership; second, first),
 *     lead-c (leadership; none), clin-a (clinical; second),
 *     clin-b (clinical; third), data-a (data; third)
 * The changed pack drops lead-c and adds clin-c (clinical) at the end. */

#define LEVELS "\"levels\": [\"1\", \"2\", \"3\", \"4\", \"5\"]"

static const char *pack_head =
  "{ \"format\": \"cmio-handbook-content\", \"version\": 1,"
  "  \"id\": \"test-pack\", \"title\": \"Test Pack\", \"content_version\": \"%s\","
  "  \"language\": \"en\","
  "  \"chapters\": ["
  "    { \"id\": \"first\", \"title\": \"First\", \"file\": \"chapters/first.md\","
  "      \"checklist\": ["
  "        { \"id\": \"one-a\", \"text\": \"One A.\", \"target_day\": 5, \"owner\": \"cmio\", \"required\": true },"
  "        { \"id\": \"one-b\", \"text\": \"One B.\", \"target_day\": 10, \"owner\": \"cmio\", \"required\": false } ] },"
  "    { \"id\": \"second\", \"title\": \"Second\", \"file\": \"chapters/second.md\","
  "      \"checklist\": ["
  "        { \"id\": \"two-a\", \"text\": \"Two A.\", \"target_day\": 30, \"owner\": \"mentor\", \"required\": false } ] },"
  "    { \"id\": \"third\", \"title\": \"Third\", \"file\": \"chapters/third.md\","
  "      \"checklist\": ["
  "        { \"id\": \"three-a\", \"text\": \"Three A.\", \"target_day\": 60, \"owner\": \"cmio\", \"required\": false } ] } ],"
  "  \"domains\": ["
  "    { \"id\": \"leadership\", \"title\": \"Leadership & <Change>\" },"
  "    { \"id\": \"clinical\", \"title\": \"Clinical “Safety” 'quoted' \\\"too\\\"\" },"
  "    { \"id\": \"data\", \"title\": \"Data\" },"
  "    { \"id\": \"idle\", \"title\": \"Idle\" } ],"
  "  \"competencies\": [";

static const char *competency_lead_a =
  "{ \"id\": \"lead-a\", \"domain\": \"leadership\", \"title\": \"Lead A\", \"description\": \"A.\", "
  LEVELS ", \"chapters\": [\"first\"] }";
static const char *competency_lead_b =
  "{ \"id\": \"lead-b\", \"domain\": \"leadership\", \"title\": \"Lead B\", \"description\": \"B.\", "
  LEVELS ", \"chapters\": [\"second\", \"first\"] }";
static const char *competency_lead_c =
  "{ \"id\": \"lead-c\", \"domain\": \"leadership\", \"title\": \"Lead C\", \"description\": \"C.\", "
  LEVELS ", \"chapters\": [] }";
static const char *competency_clin_a =
  "{ \"id\": \"clin-a\", \"domain\": \"clinical\", \"title\": \"Clin A\", \"description\": \"A.\", "
  LEVELS ", \"chapters\": [\"second\"] }";
static const char *competency_clin_b =
  "{ \"id\": \"clin-b\", \"domain\": \"clinical\", \"title\": \"Clin B\", \"description\": \"B.\", "
  LEVELS ", \"chapters\": [\"third\"] }";
static const char *competency_clin_c =
  "{ \"id\": \"clin-c\", \"domain\": \"clinical\", \"title\": \"Clin C\", \"description\": \"C.\", "
  LEVELS ", \"chapters\": [\"first\"] }";
static const char *competency_data_a =
  "{ \"id\": \"data-a\", \"domain\": \"data\", \"title\": \"Data A\", \"description\": \"A.\", "
  LEVELS ", \"chapters\": [\"third\"] }";

/* Three completed assessments, in the file out of their order of
 * completion (the second completed is last), and a rating of a competency
 * no pack has. */
static const char *history_json =
  "{ \"format\": \"cmio-handbook-progress\", \"version\": 1,"
  "  \"assessments\": ["
  "    { \"id\": \"day-0\", \"started_at\": \"2026-11-02T08:00:00Z\","
  "      \"completed_at\": \"2026-11-02T09:00:00Z\", \"content_version\": \"2026.1\","
  "      \"ratings\": { \"lead-a\": { \"level\": 2 }, \"lead-b\": { \"level\": 1 },"
  "                     \"clin-a\": { \"level\": 1 }, \"data-a\": { \"level\": null } } },"
  "    { \"id\": \"day-90\", \"started_at\": \"2027-01-30T08:00:00Z\","
  "      \"completed_at\": \"2027-01-30T09:00:00Z\", \"content_version\": \"2026.1\","
  "      \"ratings\": { \"lead-a\": { \"level\": 5 }, \"lead-b\": { \"level\": 4, \"comment\": \"ok\" },"
  "                     \"lead-c\": { \"level\": 4 }, \"clin-a\": { \"level\": 4 },"
  "                     \"clin-b\": { \"level\": 2 }, \"data-a\": { \"level\": null },"
  "                     \"gone\": { \"level\": 5 } } },"
  "    { \"id\": \"day-30\", \"started_at\": \"2026-12-01T08:00:00Z\","
  "      \"completed_at\": \"2026-12-01T09:00:00Z\", \"content_version\": \"2026.1\","
  "      \"ratings\": { \"lead-a\": { \"level\": 3 }, \"lead-b\": { \"level\": 3 },"
  "                     \"lead-c\": { \"level\": 3 }, \"clin-a\": { \"level\": 3 },"
  "                     \"clin-b\": { \"level\": 2 } } } ],"
  "  \"assessment_draft\": { \"id\": \"draft\", \"started_at\": \"2027-02-10T08:00:00Z\","
  "    \"ratings\": { \"lead-a\": { \"level\": 4 } }, \"page\": 1 } }";

/* Helpers */

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* A pack with the competencies given, in that order. */
static CmioContentPack *
make_pack (const char *content_version,
           ...)
{
  g_autofree char *tmp = g_build_filename (g_get_user_cache_dir (), "pack-XXXXXX", NULL);
  g_autofree char *chapters = NULL;
  g_autoptr(GString) index = g_string_new (NULL);
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  CmioContentPack *pack;
  const char *competency;
  gboolean first = TRUE;
  va_list args;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_nonnull (g_mkdtemp (tmp));
  chapters = g_build_filename (tmp, "chapters", NULL);
  g_assert_cmpint (g_mkdir (chapters, 0700), ==, 0);
  write_file (chapters, "first.md", "# First\n\nText.\n");
  write_file (chapters, "second.md", "# Second\n\nText.\n");
  write_file (chapters, "third.md", "# Third\n\nText.\n");

  g_string_append_printf (index, pack_head, content_version);
  va_start (args, content_version);
  while ((competency = va_arg (args, const char *)) != NULL)
    {
      g_string_append_printf (index, "%s%s", first ? "" : ", ", competency);
      first = FALSE;
    }
  va_end (args);
  g_string_append (index, "] }");
  write_file (tmp, "handbook.json", index->str);

  dir = g_file_new_for_path (tmp);
  pack = cmio_content_pack_load (dir, &problems);
  if (problems != NULL)
    for (guint i = 0; i < problems->len; i++)
      {
        g_autofree char *text = cmio_problem_to_string (g_ptr_array_index (problems, i));

        g_test_message ("%s", text);
      }
  g_assert_nonnull (pack);
  return pack;
}

static CmioContentPack *
original_pack (void)
{
  return make_pack ("2026.1", competency_lead_a, competency_lead_b, competency_lead_c,
                    competency_clin_a, competency_clin_b, competency_data_a, NULL);
}

/* The content change: lead-c removed, clin-c added. */
static CmioContentPack *
changed_pack (void)
{
  return make_pack ("2026.2", competency_lead_a, competency_lead_b,
                    competency_clin_a, competency_clin_b, competency_data_a, competency_clin_c,
                    NULL);
}

/* A progress with one completed assessment, "only", rated as given:
 * pairs of competency id and level (0 for "not sure"), ending with NULL. */
static CmioProgress *
progress_rated (const char *competency_id,
                ...)
{
  g_autoptr(GString) json = g_string_new (NULL);
  gboolean first = TRUE;
  va_list args;

  g_string_append (json,
                   "{ \"format\": \"cmio-handbook-progress\", \"version\": 1,"
                   "  \"assessments\": [ { \"id\": \"only\", \"started_at\": \"2026-11-02T08:00:00Z\","
                   "    \"completed_at\": \"2026-11-02T09:00:00Z\", \"ratings\": {");
  va_start (args, competency_id);
  for (const char *id = competency_id; id != NULL; id = va_arg (args, const char *))
    {
      int level = va_arg (args, int);

      if (level > 0)
        g_string_append_printf (json, "%s \"%s\": { \"level\": %d }", first ? "" : ",", id, level);
      else
        g_string_append_printf (json, "%s \"%s\": { \"level\": null }", first ? "" : ",", id);
      first = FALSE;
    }
  va_end (args);
  g_string_append (json, " } } ] }");

  return cmio_test_load_progress (json->str);
}

static void
assert_strv (const char * const *actual,
             ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  g_autofree char *actual_text = NULL;
  g_autofree char *expected_text = NULL;
  va_list args;

  va_start (args, actual);
  for (const char *s = va_arg (args, const char *); s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);
  expected = g_strv_builder_end (builder);

  g_assert_nonnull (actual);
  actual_text = g_strjoinv (",", (GStrv) actual);
  expected_text = g_strjoinv (",", expected);
  g_assert_cmpstr (actual_text, ==, expected_text);
}

static void
assert_counts (CmioAssessmentResult *result,
               guint                 answered,
               guint                 not_sure,
               guint                 unanswered)
{
  guint a = 99, n = 99, u = 99;

  cmio_assessment_result_get_counts (result, &a, &n, &u);
  g_assert_cmpuint (a, ==, answered);
  g_assert_cmpuint (n, ==, not_sure);
  g_assert_cmpuint (u, ==, unanswered);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Scores */

static void
test_scores (void)
{
  g_autoptr(CmioContentPack) pack = original_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (history_json);
  g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "day-90");
  const CmioDomainScore *domain;
  double mean = -1;

  g_assert_nonnull (result);
  g_assert_cmpstr (cmio_assessment_result_get_assessment_id (result), ==, "day-90");

  /* Every competency of the pack, in its order, with its level or "not sure". */
  g_assert_cmpuint (cmio_assessment_result_get_n_competencies (result), ==, 6);
  g_assert_cmpstr (cmio_competency_get_id (cmio_assessment_result_get_competency (result, 0)), ==, "lead-a");
  g_assert_cmpstr (cmio_competency_get_id (cmio_assessment_result_get_competency (result, 5)), ==, "data-a");
  g_assert_cmpint (cmio_assessment_result_get_score (result, "lead-a"), ==, 5);
  g_assert_cmpint (cmio_assessment_result_get_score (result, "lead-b"), ==, 4);
  g_assert_cmpint (cmio_assessment_result_get_score (result, "clin-b"), ==, 2);
  g_assert_cmpint (cmio_assessment_result_get_score (result, "data-a"), ==, CMIO_ASSESSMENT_NOT_SURE);
  /* A rating of a competency the pack does not have is not part of it. */
  g_assert_cmpint (cmio_assessment_result_get_score (result, "gone"), ==, CMIO_ASSESSMENT_UNANSWERED);
  g_assert_cmpint (cmio_assessment_result_get_score (result, NULL), ==, CMIO_ASSESSMENT_UNANSWERED);
  assert_counts (result, 5, 1, 0);

  /* The overall mean is of the answered competencies: 19 / 5. */
  g_assert_true (cmio_assessment_result_get_mean (result, &mean));
  g_assert_cmpfloat_with_epsilon (mean, 3.8, 1e-9);

  /* Domains, in the pack's order, each the mean of its answered competencies. */
  g_assert_cmpuint (cmio_assessment_result_get_n_domains (result), ==, 4);
  domain = cmio_assessment_result_get_domain (result, 0);
  g_assert_cmpstr (domain->domain_id, ==, "leadership");
  g_assert_cmpfloat_with_epsilon (domain->mean, 13.0 / 3.0, 1e-9);
  g_assert_cmpuint (domain->n_answered, ==, 3);
  g_assert_true (cmio_assessment_result_get_domain_mean (result, "clinical", &mean));
  g_assert_cmpfloat_with_epsilon (mean, 3.0, 1e-9);
  domain = cmio_assessment_result_find_domain (result, "clinical");
  g_assert_cmpuint (domain->n_answered, ==, 2);
  g_assert_cmpuint (domain->n_not_sure, ==, 0);
  g_assert_cmpuint (domain->n_unanswered, ==, 0);
  g_assert_null (cmio_assessment_result_find_domain (result, "no-such-domain"));
  g_assert_false (cmio_assessment_result_get_domain_mean (result, "no-such-domain", &mean));

  /* The draft is scored too; an unknown assessment is not. */
  {
    g_autoptr(CmioAssessmentResult) draft = cmio_assessment_result_new (pack, progress, "draft");

    g_assert_nonnull (draft);
    g_assert_cmpint (cmio_assessment_result_get_score (draft, "lead-a"), ==, 4);
    assert_counts (draft, 1, 0, 5);
  }
  g_assert_null (cmio_assessment_result_new (pack, progress, "no-such-assessment"));
  g_assert_null (cmio_assessment_result_new (pack, progress, NULL));

  /* A boxed type, reference counted. */
  g_assert_true (G_TYPE_IS_BOXED (CMIO_TYPE_ASSESSMENT_RESULT));
  cmio_assessment_result_unref (cmio_assessment_result_ref (result));
}

static void
test_domain_without_answers (void)
{
  g_autoptr(CmioContentPack) pack = original_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (history_json);
  g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "day-30");
  g_autoptr(CmioAssessmentResult) first = cmio_assessment_result_new (pack, progress, "day-0");
  const CmioDomainScore *domain;
  double mean = -1;

  /* Data: its one competency not rated at all. */
  g_assert_false (cmio_assessment_result_get_domain_mean (result, "data", &mean));
  g_assert_cmpfloat (mean, ==, 0.0);
  domain = cmio_assessment_result_find_domain (result, "data");
  g_assert_cmpuint (domain->n_answered, ==, 0);
  g_assert_cmpuint (domain->n_unanswered, ==, 1);

  /* Data again: marked "not sure", which is no answer either. */
  mean = -1;
  g_assert_false (cmio_assessment_result_get_domain_mean (first, "data", &mean));
  g_assert_cmpfloat (mean, ==, 0.0);
  domain = cmio_assessment_result_find_domain (first, "data");
  g_assert_cmpuint (domain->n_answered, ==, 0);
  g_assert_cmpuint (domain->n_not_sure, ==, 1);

  /* Idle: no competency at all. */
  domain = cmio_assessment_result_find_domain (result, "idle");
  g_assert_nonnull (domain);
  g_assert_cmpuint (domain->n_answered + domain->n_not_sure + domain->n_unanswered, ==, 0);
  g_assert_false (cmio_assessment_result_get_domain_mean (result, "idle", NULL));

  /* The others still have theirs. */
  g_assert_true (cmio_assessment_result_get_domain_mean (result, "leadership", &mean));
  g_assert_cmpfloat_with_epsilon (mean, 3.0, 1e-9);
  g_assert_true (cmio_assessment_result_get_domain_mean (result, "clinical", &mean));
  g_assert_cmpfloat_with_epsilon (mean, 2.5, 1e-9);
  assert_counts (result, 5, 0, 1);
}

static void
test_all_not_sure (void)
{
  g_autoptr(CmioContentPack) pack = original_pack ();
  g_autoptr(CmioProgress) progress = progress_rated ("lead-a", 0, "lead-b", 0, "lead-c", 0,
                                                     "clin-a", 0, "clin-b", 0, "data-a", 0, NULL);
  g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "only");
  g_autofree char *svg = NULL;
  double mean = -1;

  g_assert_nonnull (result);
  assert_counts (result, 0, 6, 0);
  for (guint i = 0; i < cmio_assessment_result_get_n_competencies (result); i++)
    {
      CmioCompetency *competency = cmio_assessment_result_get_competency (result, i);

      g_assert_cmpint (cmio_assessment_result_get_score (result, cmio_competency_get_id (competency)),
                       ==, CMIO_ASSESSMENT_NOT_SURE);
    }
  g_assert_false (cmio_assessment_result_get_mean (result, &mean));
  g_assert_cmpfloat (mean, ==, 0.0);
  for (guint i = 0; i < cmio_assessment_result_get_n_domains (result); i++)
    g_assert_cmpuint (cmio_assessment_result_get_domain (result, i)->n_answered, ==, 0);
  g_assert_false (cmio_assessment_result_get_domain_mean (result, "leadership", NULL));

  /* No strengths, no gaps. */
  assert_strv (cmio_assessment_result_get_strengths (result), NULL);
  assert_strv (cmio_assessment_result_get_gaps (result), NULL);

  /* A chart all the same, with no bar and "no answers" in every domain. */
  svg = cmio_assessment_chart_svg (pack, progress, "only", NULL);
  g_assert_nonnull (svg);
  g_assert_null (strstr (svg, "</title></rect>"));
  g_assert_cmpuint (count_occurrences (svg, ">no answers</text>"), ==, 4);
}

static void
test_content_change (void)
{
  g_autoptr(CmioContentPack) pack = changed_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (history_json);
  g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "day-90");
  g_auto(GStrv) chapters = NULL;
  g_auto(GStrv) items = NULL;
  double mean = -1;

  /* lead-c, removed, is not scored: its 4 no longer counts in leadership. */
  g_assert_cmpuint (cmio_assessment_result_get_n_competencies (result), ==, 6);
  g_assert_cmpint (cmio_assessment_result_get_score (result, "lead-c"), ==, CMIO_ASSESSMENT_UNANSWERED);
  g_assert_true (cmio_assessment_result_get_domain_mean (result, "leadership", &mean));
  g_assert_cmpfloat_with_epsilon (mean, 4.5, 1e-9);
  g_assert_cmpuint (cmio_assessment_result_find_domain (result, "leadership")->n_answered, ==, 2);

  /* clin-c, added since, is unanswered and counts in no mean. */
  g_assert_cmpstr (cmio_competency_get_id (cmio_assessment_result_get_competency (result, 5)), ==, "clin-c");
  g_assert_cmpint (cmio_assessment_result_get_score (result, "clin-c"), ==, CMIO_ASSESSMENT_UNANSWERED);
  g_assert_true (cmio_assessment_result_get_domain_mean (result, "clinical", &mean));
  g_assert_cmpfloat_with_epsilon (mean, 3.0, 1e-9);
  g_assert_cmpuint (cmio_assessment_result_find_domain (result, "clinical")->n_unanswered, ==, 1);

  /* lead-a 5, lead-b 4, clin-a 4, clin-b 2 answered; data-a not sure; clin-c not rated. */
  assert_counts (result, 4, 1, 1);
  g_assert_true (cmio_assessment_result_get_mean (result, &mean));
  g_assert_cmpfloat_with_epsilon (mean, 15.0 / 4.0, 1e-9);
  assert_strv (cmio_assessment_result_get_strengths (result), "lead-a", "lead-b", NULL);
  assert_strv (cmio_assessment_result_get_gaps (result), "clin-b", "clin-a", NULL);

  /* Nothing to recommend for a competency the pack no longer has. */
  g_assert_false (cmio_assessment_result_dup_recommendations (result, "lead-c", &chapters, &items));
  g_assert_cmpuint (g_strv_length (chapters), ==, 0);
  g_assert_cmpuint (g_strv_length (items), ==, 0);
}

/* Strengths and gaps */

static void
test_ties (void)
{
  g_autoptr(CmioContentPack) pack = original_pack ();

  /* All six equal: the first three in the pack's order are the strengths,
   * the other three the gaps, in the pack's order too. */
  {
    g_autoptr(CmioProgress) progress = progress_rated ("data-a", 3, "clin-b", 3, "clin-a", 3,
                                                       "lead-c", 3, "lead-b", 3, "lead-a", 3, NULL);
    g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "only");

    assert_strv (cmio_assessment_result_get_strengths (result), "lead-a", "lead-b", "lead-c", NULL);
    assert_strv (cmio_assessment_result_get_gaps (result), "clin-a", "clin-b", "data-a", NULL);
  }

  /* Ties at the edges: of the three 3s, the two earlier in the pack are
   * strengths after the 5; of the 1s, the earlier first, then the last 3. */
  {
    g_autoptr(CmioProgress) progress = progress_rated ("lead-a", 5, "lead-b", 1, "lead-c", 3,
                                                       "clin-a", 3, "clin-b", 1, "data-a", 3, NULL);
    g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "only");

    assert_strv (cmio_assessment_result_get_strengths (result), "lead-a", "lead-c", "clin-a", NULL);
    assert_strv (cmio_assessment_result_get_gaps (result), "lead-b", "clin-b", "data-a", NULL);
  }

  /* Five answered, four of them tied: the strengths are three, the gaps the
   * two left, lowest first; "not sure" is neither. */
  {
    g_autoptr(CmioProgress) progress = cmio_test_load_progress (history_json);
    g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "day-30");
    g_autoptr(CmioAssessmentResult) last = cmio_assessment_result_new (pack, progress, "day-90");

    assert_strv (cmio_assessment_result_get_strengths (result), "lead-a", "lead-b", "lead-c", NULL);
    assert_strv (cmio_assessment_result_get_gaps (result), "clin-b", "clin-a", NULL);
    assert_strv (cmio_assessment_result_get_strengths (last), "lead-a", "lead-b", "lead-c", NULL);
    assert_strv (cmio_assessment_result_get_gaps (last), "clin-b", "clin-a", NULL);
  }
}

static void
test_few_answers (void)
{
  g_autoptr(CmioContentPack) pack = original_pack ();

  /* One answer: a strength, whatever its level, and no gap. */
  {
    g_autoptr(CmioProgress) progress = progress_rated ("clin-b", 1, "lead-a", 0, NULL);
    g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "only");

    assert_strv (cmio_assessment_result_get_strengths (result), "clin-b", NULL);
    assert_strv (cmio_assessment_result_get_gaps (result), NULL);
    assert_counts (result, 1, 1, 4);
  }

  /* Two: one of each. */
  {
    g_autoptr(CmioProgress) progress = progress_rated ("clin-b", 4, "lead-a", 2, NULL);
    g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "only");

    assert_strv (cmio_assessment_result_get_strengths (result), "clin-b", NULL);
    assert_strv (cmio_assessment_result_get_gaps (result), "lead-a", NULL);
  }

  /* Three: two strengths, one gap. */
  {
    g_autoptr(CmioProgress) progress = progress_rated ("clin-b", 4, "lead-a", 2, "data-a", 5, NULL);
    g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "only");

    assert_strv (cmio_assessment_result_get_strengths (result), "data-a", "clin-b", NULL);
    assert_strv (cmio_assessment_result_get_gaps (result), "lead-a", NULL);
  }

  /* None answered: nothing. */
  {
    g_autoptr(CmioProgress) progress = progress_rated (NULL);
    g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "only");

    assert_counts (result, 0, 0, 6);
    assert_strv (cmio_assessment_result_get_strengths (result), NULL);
    assert_strv (cmio_assessment_result_get_gaps (result), NULL);
  }
}

static void
test_recommendations (void)
{
  g_autoptr(CmioContentPack) pack = original_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (history_json);
  g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (pack, progress, "day-90");
  const char * const *gaps = cmio_assessment_result_get_gaps (result);

  /* The gaps and what addresses them: the competency's chapters, in its
   * order, and those chapters' items. */
  assert_strv (gaps, "clin-b", "clin-a", NULL);
  {
    g_auto(GStrv) chapters = NULL;
    g_auto(GStrv) items = NULL;

    g_assert_true (cmio_assessment_result_dup_recommendations (result, gaps[0], &chapters, &items));
    assert_strv ((const char * const *) chapters, "third", NULL);
    assert_strv ((const char * const *) items, "three-a", NULL);
  }
  {
    g_auto(GStrv) chapters = NULL;
    g_auto(GStrv) items = NULL;

    g_assert_true (cmio_assessment_result_dup_recommendations (result, gaps[1], &chapters, &items));
    assert_strv ((const char * const *) chapters, "second", NULL);
    assert_strv ((const char * const *) items, "two-a", NULL);
  }
  {
    g_auto(GStrv) chapters = NULL;
    g_auto(GStrv) items = NULL;

    /* Two chapters, in the competency's order. */
    g_assert_true (cmio_assessment_result_dup_recommendations (result, "lead-b", &chapters, &items));
    assert_strv ((const char * const *) chapters, "second", "first", NULL);
    assert_strv ((const char * const *) items, "two-a", "one-a", "one-b", NULL);
  }
  {
    g_auto(GStrv) chapters = NULL;
    g_auto(GStrv) items = NULL;

    /* No chapter: known, but nothing to recommend. */
    g_assert_true (cmio_assessment_result_dup_recommendations (result, "lead-c", &chapters, &items));
    assert_strv ((const char * const *) chapters, NULL);
    assert_strv ((const char * const *) items, NULL);
  }
  {
    g_auto(GStrv) items = NULL;

    /* Either list may be left out; unknown ids give nothing. */
    g_assert_true (cmio_assessment_result_dup_recommendations (result, "lead-a", NULL, &items));
    assert_strv ((const char * const *) items, "one-a", "one-b", NULL);
    g_assert_false (cmio_assessment_result_dup_recommendations (result, "gone", NULL, NULL));
    g_assert_false (cmio_assessment_result_dup_recommendations (result, NULL, NULL, NULL));
  }
}

/* History */

static void
test_history (void)
{
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (history_json);
  g_autoptr(CmioProgress) empty = cmio_progress_new ();
  g_auto(GStrv) history = cmio_assessment_dup_history (progress);
  g_auto(GStrv) none = cmio_assessment_dup_history (empty);

  /* In the order of completion, not the file's; the draft is not in it. */
  assert_strv ((const char * const *) history, "day-0", "day-30", "day-90", NULL);
  g_assert_cmpstr (cmio_assessment_find_first (progress), ==, "day-0");
  g_assert_null (cmio_assessment_find_previous (progress, "day-0"));
  g_assert_cmpstr (cmio_assessment_find_previous (progress, "day-30"), ==, "day-0");
  g_assert_cmpstr (cmio_assessment_find_previous (progress, "day-90"), ==, "day-30");
  g_assert_cmpstr (cmio_assessment_find_previous (progress, "draft"), ==, "day-90");
  g_assert_null (cmio_assessment_find_previous (progress, "no-such-assessment"));

  assert_strv ((const char * const *) none, NULL);
  g_assert_null (cmio_assessment_find_first (empty));
}

/* The chart */

typedef struct
{
  GString *text;             /* every text, for looking into */
  guint n_series;
  guint depth;
  gboolean in_title;
  gboolean in_desc;
  GString *title;
  GString *desc;
  char *root_role;
} Parsed;

static void
parsed_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  Parsed *parsed = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  /* Only SVG's own elements; nothing that runs or fetches. */
  g_assert_true (g_strv_contains ((const char * const []) { "svg", "title", "desc", "rect", "text",
                                                            "g", "line", NULL }, element));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (names[i], "on"));
      g_assert_cmpstr (names[i], !=, "href");
      g_assert_cmpstr (names[i], !=, "xlink:href");
      g_assert_cmpstr (names[i], !=, "style");
      if (strcmp (element, "svg") == 0 && strcmp (names[i], "role") == 0)
        parsed->root_role = g_strdup (values[i]);
      if (strcmp (element, "g") == 0 && strcmp (names[i], "data-assessment") == 0)
        parsed->n_series++;
    }

  if (parsed->depth == 0)
    g_assert_cmpstr (element, ==, "svg");
  /* The document's own title and description, children of the root. */
  parsed->in_title = strcmp (element, "title") == 0 && g_slist_length ((GSList *) stack) == 2;
  parsed->in_desc = strcmp (element, "desc") == 0 && g_slist_length ((GSList *) stack) == 2;
  parsed->depth++;
}

static void
parsed_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  Parsed *parsed = user_data;

  parsed->in_title = FALSE;
  parsed->in_desc = FALSE;
  parsed->depth--;
}

static void
parsed_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  Parsed *parsed = user_data;

  g_string_append_len (parsed->text, text, length);
  g_string_append_c (parsed->text, '\n');
  if (parsed->in_title)
    g_string_append_len (parsed->title, text, length);
  if (parsed->in_desc)
    g_string_append_len (parsed->desc, text, length);
}

/* Parses @svg as XML, checking it on the way. */
static void
parse_svg (const char *svg,
           Parsed     *parsed)
{
  static const GMarkupParser parser = { parsed_start, parsed_end, parsed_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  memset (parsed, 0, sizeof *parsed);
  parsed->text = g_string_new (NULL);
  parsed->title = g_string_new (NULL);
  parsed->desc = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, parsed, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->depth, ==, 0);
}

static void
parsed_clear (Parsed *parsed)
{
  g_string_free (parsed->text, TRUE);
  g_string_free (parsed->title, TRUE);
  g_string_free (parsed->desc, TRUE);
  g_free (parsed->root_role);
}

static void
test_chart (void)
{
  g_autoptr(CmioContentPack) pack = original_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (history_json);
  g_autofree char *svg = cmio_assessment_chart_svg (pack, progress, "day-90", NULL);
  g_autofree char *again = cmio_assessment_chart_svg (pack, progress, "day-90", NULL);
  Parsed parsed;

  g_assert_nonnull (svg);
  g_test_message ("%s", svg);

  /* The same input, the same output. */
  g_assert_cmpstr (svg, ==, again);

  /* Self-contained and accessible. */
  g_assert_true (g_str_has_prefix (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  g_assert_null (strstr (svg, "<script"));
  g_assert_null (strstr (svg, "href"));
  g_assert_null (strstr (svg, "url("));
  g_assert_null (strstr (svg, "<style"));
  g_assert_nonnull (strstr (svg, "role=\"img\""));
  g_assert_nonnull (strstr (svg, "aria-labelledby=\"cmio-chart-day-90-title cmio-chart-day-90-desc\""));
  g_assert_nonnull (strstr (svg, "<title id=\"cmio-chart-day-90-title\">"));
  g_assert_nonnull (strstr (svg, "<desc id=\"cmio-chart-day-90-desc\">"));

  /* Every domain's name, escaped. */
  g_assert_nonnull (strstr (svg, "Leadership &amp; &lt;Change&gt;"));
  g_assert_null (strstr (svg, "<Change>"));
  g_assert_nonnull (strstr (svg, "Clinical “Safety” &apos;quoted&apos; &quot;too&quot;"));
  g_assert_nonnull (strstr (svg, ">Data</text>"));
  g_assert_nonnull (strstr (svg, ">Idle</text>"));

  /* Three series: the first, the previous and this one, in that order. */
  g_assert_cmpuint (count_occurrences (svg, "data-assessment="), ==, 3);
  g_assert_nonnull (strstr (svg, "class=\"series series-first\" data-assessment=\"day-0\""));
  g_assert_nonnull (strstr (svg, "class=\"series series-previous\" data-assessment=\"day-30\""));
  g_assert_nonnull (strstr (svg, "class=\"series series-this\" data-assessment=\"day-90\""));
  g_assert_true (strstr (svg, "series-first") < strstr (svg, "series-previous"));
  g_assert_true (strstr (svg, "series-previous") < strstr (svg, "series-this"));

  /* A legend that names them with their dates. */
  g_assert_nonnull (strstr (svg, ">First, 2026-11-02</text>"));
  g_assert_nonnull (strstr (svg, ">Previous, 2026-12-01</text>"));
  g_assert_nonnull (strstr (svg, ">This assessment, 2027-01-30</text>"));

  /* Well-formed, and what it says. */
  parse_svg (svg, &parsed);
  g_assert_cmpstr (parsed.root_role, ==, "img");
  g_assert_cmpuint (parsed.n_series, ==, 3);
  g_assert_cmpstr (parsed.title->str, ==, "Self-assessment by domain");
  g_assert_nonnull (strstr (parsed.text->str, "Leadership & <Change>\n"));
  /* The description gives every score in words: leadership 1.5, 3.0 and 4.3;
   * data has no answer in any of them; clinical 1.0, 2.5, 3.0. */
  g_assert_nonnull (strstr (parsed.desc->str,
                            "Leadership & <Change> — First: 1.5; Previous: 3.0; This assessment: 4.3."));
  g_assert_nonnull (strstr (parsed.desc->str,
                            "First: 1.0; Previous: 2.5; This assessment: 3.0."));
  g_assert_nonnull (strstr (parsed.desc->str,
                            "Data — First: no answers; Previous: no answers; This assessment: no answers."));
  g_assert_nonnull (strstr (parsed.desc->str, "First, 2026-11-02; Previous, 2026-12-01; "
                                              "This assessment, 2027-01-30"));
  parsed_clear (&parsed);

  /* Bars at the length of their score: 5 is the plot's full width (544). */
  g_assert_nonnull (strstr (svg, "width=\"471\" height=\"14\"><title>Leadership &amp; &lt;Change&gt;, "
                                 "This assessment, 2027-01-30: 4.3</title>"));
}

static void
test_chart_series (void)
{
  g_autoptr(CmioContentPack) pack = original_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (history_json);

  /* The second: the first is also the previous, shown once. */
  {
    g_autofree char *svg = cmio_assessment_chart_svg (pack, progress, "day-30", NULL);
    Parsed parsed;

    g_assert_cmpuint (count_occurrences (svg, "data-assessment="), ==, 2);
    g_assert_nonnull (strstr (svg, "class=\"series series-first\" data-assessment=\"day-0\""));
    g_assert_nonnull (strstr (svg, "class=\"series series-this\" data-assessment=\"day-30\""));
    g_assert_null (strstr (svg, "series-previous"));
    parse_svg (svg, &parsed);
    g_assert_cmpuint (parsed.n_series, ==, 2);
    parsed_clear (&parsed);
  }

  /* The first: nothing to compare with. */
  {
    g_autofree char *svg = cmio_assessment_chart_svg (pack, progress, "day-0", NULL);

    g_assert_cmpuint (count_occurrences (svg, "data-assessment="), ==, 1);
    g_assert_nonnull (strstr (svg, "class=\"series series-this\" data-assessment=\"day-0\""));
  }

  /* The draft: compared with the first and the latest, dated by its start. */
  {
    g_autofree char *svg = cmio_assessment_chart_svg (pack, progress, "draft", NULL);

    g_assert_cmpuint (count_occurrences (svg, "data-assessment="), ==, 3);
    g_assert_nonnull (strstr (svg, "class=\"series series-previous\" data-assessment=\"day-90\""));
    g_assert_nonnull (strstr (svg, ">This assessment, 2027-02-10</text>"));
  }

  /* A title of the caller's, escaped; an unknown assessment, no chart. */
  {
    g_autofree char *svg = cmio_assessment_chart_svg (pack, progress, "day-90", "Ada's <90 days> & after");
    Parsed parsed;

    g_assert_nonnull (strstr (svg, "Ada&apos;s &lt;90 days&gt; &amp; after"));
    parse_svg (svg, &parsed);
    g_assert_cmpstr (parsed.title->str, ==, "Ada's <90 days> & after");
    parsed_clear (&parsed);
  }
  g_assert_null (cmio_assessment_chart_svg (pack, progress, "no-such-assessment", NULL));

  /* Scored against the pack given: after the content change, leadership
   * without lead-c. */
  {
    g_autoptr(CmioContentPack) changed = changed_pack ();
    g_autofree char *svg = cmio_assessment_chart_svg (changed, progress, "day-90", NULL);
    Parsed parsed;

    parse_svg (svg, &parsed);
    g_assert_nonnull (strstr (parsed.desc->str,
                              "Leadership & <Change> — First: 1.5; Previous: 3.0; This assessment: 4.5."));
    parsed_clear (&parsed);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The C notation for numbers, whatever the environment says. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/assessment/scores", test_scores);
  g_test_add_func ("/cmio/assessment/domain-without-answers", test_domain_without_answers);
  g_test_add_func ("/cmio/assessment/all-not-sure", test_all_not_sure);
  g_test_add_func ("/cmio/assessment/content-change", test_content_change);
  g_test_add_func ("/cmio/assessment/ties", test_ties);
  g_test_add_func ("/cmio/assessment/few-answers", test_few_answers);
  g_test_add_func ("/cmio/assessment/recommendations", test_recommendations);
  g_test_add_func ("/cmio/assessment/history", test_history);
  g_test_add_func ("/cmio/assessment/chart", test_chart);
  g_test_add_func ("/cmio/assessment/chart-series", test_chart_series);

  return g_test_run ();
}
