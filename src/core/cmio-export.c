/* cmio-export.c — what the user sends a mentor: the JSON, and writing it
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cmio-assessment.h"
#include "cmio-chart.h"
#include "cmio-export-private.h"

/* Every writer starts from the same JSON, built once here; the Markdown
 * (cmio-export-markdown.c) and HTML (cmio-export-html.c) writers read only
 * that JSON and escape every text that came from the user or the pack, so
 * nothing in them can become markup. The JSON keeps every text exactly. */

/**
 * cmio_export_kind_for_path:
 * @path: where the export goes
 * @kind: (out): the kind its extension asks for
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the extension is one the app writes
 */
gboolean
cmio_export_kind_for_path (const char      *path,
                           CmioExportKind  *kind,
                           GError         **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".cmioexport") || g_str_has_suffix (lower, ".json"))
    *kind = CMIO_EXPORT_JSON;
  else if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    *kind = CMIO_EXPORT_MARKDOWN;
  else if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    *kind = CMIO_EXPORT_HTML;
  else if (g_str_has_suffix (lower, ".pdf"))
    *kind = CMIO_EXPORT_PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” has no export extension: use .cmioexport, .json, .html, .md or .pdf"),
                   path);
      return FALSE;
    }

  return TRUE;
}

/* Building */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* A mean, or null when there is none. */
static void
add_mean (JsonBuilder *builder,
          gboolean     has_mean,
          double       mean)
{
  json_builder_set_member_name (builder, "mean");
  if (has_mean)
    json_builder_add_double_value (builder, mean);
  else
    json_builder_add_null_value (builder);
}

/* The target dates, as text, by target day: an item's comes from the
 * plan's start date alone, and thousands of items share a few days. */
#define N_CACHED_DAYS 128

typedef struct
{
  CmioPlan *plan;
  char dates[N_CACHED_DAYS][16];
  char other[16];
} TargetDates;

static const char *
target_date (TargetDates *cache,
             int          day)
{
  char *text = day >= 0 && day < N_CACHED_DAYS ? cache->dates[day] : cache->other;

  if (text[0] == '\0' || text == cache->other)
    {
      g_autoptr(GDate) date = cmio_plan_dup_target_date (cache->plan, day);

      g_snprintf (text, 16, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                  g_date_get_day (date));
    }

  return text;
}

/* One item: built as a JsonObject rather than through the builder, which
 * costs more with ten thousand items. */
static JsonNode *
new_item (TargetDates  *dates,
          CmioProgress *progress,
          CmioPlanItem *plan_item)
{
  CmioChecklistItem *item = cmio_plan_item_get_item (plan_item);
  const char *id = cmio_plan_item_get_id (plan_item);
  int day = cmio_plan_item_get_target_day (plan_item);
  JsonObject *object = json_object_new ();
  JsonNode *node;
  const char *comment = NULL;
  const char *by = NULL;
  const char *at = NULL;
  CmioMentorStatus status;

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "number", cmio_plan_item_get_number (plan_item));
  json_object_set_string_member (object, "chapter", cmio_plan_item_get_chapter_id (plan_item));
  json_object_set_string_member (object, "text", cmio_plan_item_get_text (plan_item));
  json_object_set_string_member (object, "owner", cmio_owner_to_string (cmio_checklist_item_get_owner (item)));
  json_object_set_boolean_member (object, "required", cmio_checklist_item_get_required (item));
  json_object_set_boolean_member (object, "custom", cmio_plan_item_get_custom (plan_item));
  json_object_set_int_member (object, "target_day", day);
  json_object_set_string_member (object, "target_date", target_date (dates, day));
  json_object_set_boolean_member (object, "done", cmio_progress_get_item_done (progress, id));
  json_object_set_string_member (object, "done_at", cmio_progress_get_item_done_at (progress, id));
  json_object_set_string_member (object, "evidence", cmio_progress_get_item_evidence (progress, id));

  status = cmio_progress_get_item_mentor (progress, id, &comment, &by, &at);
  if (status != CMIO_MENTOR_STATUS_NONE)
    {
      JsonObject *mentor = json_object_new ();

      json_object_set_string_member (mentor, "status", status == CMIO_MENTOR_STATUS_APPROVED ? "approved" : "discuss");
      json_object_set_string_member (mentor, "comment", comment);
      json_object_set_string_member (mentor, "by", by);
      json_object_set_string_member (mentor, "at", at);
      json_object_set_object_member (object, "mentor", mentor);
    }

  node = json_node_alloc ();
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

static void
add_ids (JsonBuilder        *builder,
         const char         *member,
         const char * const *ids)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
}

/* The latest completed self-assessment, scored against @pack; nothing
 * when there is none. */
static void
add_assessment (JsonBuilder     *builder,
                CmioContentPack *pack,
                CmioProgress    *progress)
{
  g_auto(GStrv) history = cmio_assessment_dup_history (progress);
  g_autoptr(CmioAssessmentResult) result = NULL;
  static const char * const fields[] = { "id", "started_at", "completed_at", "content_version" };
  const char *id;
  guint n_answered = 0;
  guint n_not_sure = 0;
  guint n_unanswered = 0;
  double mean = 0.0;
  gboolean has_mean;

  if (history == NULL || history[0] == NULL)
    return;
  id = history[g_strv_length (history) - 1];
  result = cmio_assessment_result_new (pack, progress, id);
  if (result == NULL)
    return;

  json_builder_set_member_name (builder, "assessment");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    add_string (builder, fields[i], cmio_progress_get_assessment_field (progress, id, fields[i]));

  has_mean = cmio_assessment_result_get_mean (result, &mean);
  add_mean (builder, has_mean, mean);

  cmio_assessment_result_get_counts (result, &n_answered, &n_not_sure, &n_unanswered);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  add_int (builder, "answered", n_answered);
  add_int (builder, "not_sure", n_not_sure);
  add_int (builder, "unanswered", n_unanswered);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "domains");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cmio_assessment_result_get_n_domains (result); i++)
    {
      const CmioDomainScore *score = cmio_assessment_result_get_domain (result, i);
      const CmioDomain *domain = cmio_content_pack_find_domain (pack, score->domain_id);

      json_builder_begin_object (builder);
      add_string (builder, "id", score->domain_id);
      add_string (builder, "title", domain != NULL ? domain->title : score->domain_id);
      add_mean (builder, score->n_answered > 0, score->mean);
      add_int (builder, "answered", score->n_answered);
      add_int (builder, "not_sure", score->n_not_sure);
      add_int (builder, "unanswered", score->n_unanswered);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Every competency of the pack: a level 1–5; or null, "answered" TRUE
   * for "not sure" and FALSE when the mentee gave no answer. */
  json_builder_set_member_name (builder, "competencies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cmio_assessment_result_get_n_competencies (result); i++)
    {
      CmioCompetency *competency = cmio_assessment_result_get_competency (result, i);
      const char *competency_id = cmio_competency_get_id (competency);
      int score = cmio_assessment_result_get_score (result, competency_id);
      const char *comment = NULL;

      cmio_progress_get_rating (progress, id, competency_id, NULL, &comment);

      json_builder_begin_object (builder);
      add_string (builder, "id", competency_id);
      add_string (builder, "title", cmio_competency_get_title (competency));
      add_string (builder, "domain", cmio_competency_get_domain_id (competency));
      json_builder_set_member_name (builder, "level");
      if (score >= 1)
        json_builder_add_int_value (builder, score);
      else
        json_builder_add_null_value (builder);
      add_boolean (builder, "answered", score != CMIO_ASSESSMENT_UNANSWERED);
      add_string (builder, "comment", comment);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_ids (builder, "strengths", cmio_assessment_result_get_strengths (result));
  add_ids (builder, "gaps", cmio_assessment_result_get_gaps (result));
  json_builder_end_object (builder);
}

/**
 * cmio_export_build:
 * @pack: the content pack
 * @progress: the user's progress
 * @plan: the plan, for numbers and dates
 * @options: (nullable): what goes in, and the export's id and time;
 *   %NULL for no notes, no self-assessment, a new id, now
 *
 * Builds the export: every checklist item, built-in and the user's own, in
 * chapter order, with its state; the profile; the notes asked for; and,
 * when asked for and there is one, the latest completed self-assessment
 * with its scores per domain and per competency. Notes not marked "share
 * with mentor" go in only with %CMIO_EXPORT_NOTES_ALL.
 *
 * Returns: (transfer full): the export, format "cmio-handbook-export"
 */
JsonNode *
cmio_export_build (CmioContentPack         *pack,
                   CmioProgress            *progress,
                   CmioPlan                *plan,
                   const CmioExportOptions *options)
{
  static const CmioExportOptions defaults = { CMIO_EXPORT_NOTES_NONE, FALSE, NULL, NULL };
  static const char * const profile_fields[] = { "name", "role", "organization", "start_date", "mentor" };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree TargetDates *dates = NULL;
  GListModel *chapters;
  JsonArray *items;

  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (CMIO_IS_PLAN (plan), NULL);

  if (options == NULL)
    options = &defaults;
  if (options->export_id == NULL)
    uuid = g_uuid_string_random ();
  if (options->exported_at == NULL)
    now = cmio_progress_now ();

  builder = json_builder_new ();
  chapters = cmio_content_pack_get_chapters (pack);

  json_builder_begin_object (builder);
  add_string (builder, "format", CMIO_EXPORT_FORMAT);
  add_int (builder, "version", CMIO_EXPORT_VERSION);
  add_string (builder, "export_id", options->export_id != NULL ? options->export_id : uuid);
  add_string (builder, "exported_at", options->exported_at != NULL ? options->exported_at : now);

  json_builder_set_member_name (builder, "content");
  json_builder_begin_object (builder);
  add_string (builder, "id", cmio_content_pack_get_id (pack));
  add_string (builder, "title", cmio_content_pack_get_title (pack));
  add_string (builder, "content_version", cmio_content_pack_get_content_version (pack));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    add_string (builder, profile_fields[i], cmio_progress_get_profile (progress, profile_fields[i]));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "chapters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", cmio_chapter_get_id (chapter));
      add_int (builder, "number", cmio_chapter_get_number (chapter));
      add_string (builder, "title", cmio_chapter_get_title (chapter));
      add_boolean (builder, "read", cmio_progress_get_chapter_read (progress, cmio_chapter_get_id (chapter)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  dates = g_new0 (TargetDates, 1);
  dates->plan = plan;
  items = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);
      g_autoptr(GPtrArray) chapter_items = cmio_plan_dup_chapter_items (plan, cmio_chapter_get_id (chapter));

      for (guint j = 0; j < chapter_items->len; j++)
        json_array_add_element (items, new_item (dates, progress, g_ptr_array_index (chapter_items, j)));
    }
  json_builder_set_member_name (builder, "items");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), items));
  json_array_unref (items);

  if (options->include_assessment)
    add_assessment (builder, pack, progress);

  if (options->notes != CMIO_EXPORT_NOTES_NONE)
    {
      json_builder_set_member_name (builder, "notes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < cmio_progress_get_n_notes (progress); i++)
        {
          const char *id = cmio_progress_get_note_id (progress, i);
          gboolean shared = cmio_progress_get_note_shared (progress, id);

          if (options->notes == CMIO_EXPORT_NOTES_SHARED && !shared)
            continue;

          json_builder_begin_object (builder);
          add_string (builder, "id", id);
          add_string (builder, "chapter", cmio_progress_get_note_field (progress, id, "chapter"));
          add_string (builder, "title", cmio_progress_get_note_field (progress, id, "title"));
          add_string (builder, "text", cmio_progress_get_note_field (progress, id, "text"));
          add_boolean (builder, "shared", shared);
          add_string (builder, "updated_at", cmio_progress_get_note_field (progress, id, "updated_at"));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* What the writers share */

/* The export's items, chapter id → GPtrArray of item JsonObjects, in
 * their order, and how many there are and are done; one pass over them,
 * whatever the number of chapters. */
static GHashTable *
items_by_chapter (JsonObject *root,
                  guint      *n_items,
                  guint      *n_done)
{
  GHashTable *by_chapter = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                  (GDestroyNotify) g_ptr_array_unref);
  JsonArray *items = cmio_json_get_array (root, "items");
  guint n = items != NULL ? json_array_get_length (items) : 0;

  *n_items = n;
  *n_done = 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = cmio_json_array_get_object (items, i);
      const char *chapter = cmio_json_get_string (item, "chapter");
      GPtrArray *list;

      *n_done += cmio_json_get_true (item, "done") ? 1 : 0;
      if (chapter == NULL)
        continue;

      list = g_hash_table_lookup (by_chapter, chapter);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_chapter, (gpointer) chapter, list);
        }
      g_ptr_array_add (list, item);
    }

  return by_chapter;
}

char *
cmio_export_walk (JsonNode               *export,
                  const CmioExportWriter *writer,
                  gconstpointer           words)
{
  JsonObject *root = json_node_get_object (export);
  JsonObject *assessment = cmio_json_get_object (root, "assessment");
  JsonArray *chapters = cmio_json_get_array (root, "chapters");
  JsonArray *notes = cmio_json_get_array (root, "notes");
  g_autoptr(GHashTable) by_chapter = NULL;
  GString *out;
  guint n_done = 0;
  guint n_items = 0;

  by_chapter = items_by_chapter (root, &n_items, &n_done);
  out = g_string_sized_new (4096 + n_items * writer->item_size);
  writer->head (out, root, n_done, n_items);

  for (guint c = 0; chapters != NULL && c < json_array_get_length (chapters); c++)
    {
      JsonObject *chapter = cmio_json_array_get_object (chapters, c);
      const char *id = cmio_json_get_string (chapter, "id");

      if (chapter != NULL)
        writer->chapter (out, chapter, id != NULL ? g_hash_table_lookup (by_chapter, id) : NULL, words);
    }

  if (assessment != NULL)
    writer->assessment (out, assessment);

  if (notes != NULL)
    {
      writer->notes_head (out, json_array_get_length (notes));
      for (guint i = 0; i < json_array_get_length (notes); i++)
        {
          JsonObject *note = cmio_json_array_get_object (notes, i);

          if (note != NULL)
            writer->note (out, note, chapters);
        }
      if (writer->notes_foot != NULL)
        writer->notes_foot (out);
    }

  if (writer->foot != NULL)
    writer->foot (out);

  return g_string_free (out, FALSE);
}

void
cmio_export_words_init (CmioExportWords *words)
{
  words->optional = _("optional");
  words->owners[0] = _("CMIO");
  words->owners[1] = _("Mentor");
  words->owners[2] = _("CIO/CMO office");
  words->evidence = _("Evidence");
  words->mentor = _("Mentor");
}

const char *
cmio_export_words_owner (const CmioExportWords *words,
                         const char            *owner)
{
  if (g_strcmp0 (owner, "mentor") == 0)
    return words->owners[1];
  if (g_strcmp0 (owner, "executive") == 0)
    return words->owners[2];
  return words->owners[0];
}

JsonObject *
cmio_export_find_by_id (JsonArray  *array,
                        const char *id)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = cmio_json_array_get_object (array, i);

      if (g_strcmp0 (cmio_json_get_string (object, "id"), id) == 0)
        return object;
    }

  return NULL;
}

/* The title of a competency of the export's assessment, or its id. */
static const char *
competency_title (JsonObject *assessment,
                  const char *competency_id)
{
  JsonArray *competencies = cmio_json_get_array (assessment, "competencies");
  const char *title = cmio_json_get_string (cmio_export_find_by_id (competencies, competency_id), "title");

  return title != NULL ? title : competency_id;
}

GPtrArray *
cmio_export_competency_titles (JsonObject *assessment,
                               const char *member)
{
  JsonArray *ids = cmio_json_get_array (assessment, member);
  guint n = ids != NULL ? json_array_get_length (ids) : 0;
  GPtrArray *titles;

  if (n == 0)
    return NULL;

  titles = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (ids, i);

      if (cmio_json_node_is (node, G_TYPE_STRING))
        g_ptr_array_add (titles, (gpointer) competency_title (assessment, json_node_get_string (node)));
    }

  return titles;
}

const char *
cmio_export_date (const char *timestamp,
                  char        date[11])
{
  if (timestamp == NULL || strlen (timestamp) <= 10 || timestamp[10] != 'T')
    return timestamp;

  memcpy (date, timestamp, 10);
  date[10] = '\0';
  return date;
}

/* An empty "by" or "comment" is as good as none. */
static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

gboolean
cmio_export_get_mark (JsonObject     *item,
                      CmioExportMark *mark)
{
  JsonObject *mentor = cmio_json_get_object (item, "mentor");

  if (mentor == NULL)
    return FALSE;

  mark->approved = g_strcmp0 (cmio_json_get_string (mentor, "status"), "approved") == 0;
  mark->by = nonempty (cmio_json_get_string (mentor, "by"));
  mark->at = cmio_export_date (cmio_json_get_string (mentor, "at"), mark->date);
  mark->comment = nonempty (cmio_json_get_string (mentor, "comment"));
  return TRUE;
}

void
cmio_export_append_fields (GString             *out,
                           JsonObject          *root,
                           CmioExportFieldFunc  append_field)
{
  JsonObject *profile = cmio_json_get_object (root, "profile");
  JsonObject *content = cmio_json_get_object (root, "content");
  const char *title = cmio_json_get_string (content, "title");
  const char *version = cmio_json_get_string (content, "content_version");

  append_field (out, _("Name"), cmio_json_get_string (profile, "name"));
  append_field (out, _("Role"), cmio_json_get_string (profile, "role"));
  append_field (out, _("Organization"), cmio_json_get_string (profile, "organization"));
  append_field (out, _("Start date"), cmio_json_get_string (profile, "start_date"));
  append_field (out, _("Mentor"), cmio_json_get_string (profile, "mentor"));
  {
    const char *exported = cmio_json_get_string (root, "exported_at");
    g_autofree char *shown = NULL;

    /* "2026-11-27T12:02:42Z" reads as "2026-11-27 12:02 UTC" on paper. */
    if (exported != NULL && strlen (exported) == 20 && exported[10] == 'T' && exported[19] == 'Z')
      /* TRANSLATORS: when the export was made: a date, then a time of day in UTC */
      shown = g_strdup_printf (_("%.10s %.5s UTC"), exported, exported + 11);
    append_field (out, _("Exported"), shown != NULL ? shown : exported);
  }
  if (title != NULL && version != NULL)
    {
      /* Translators: the content pack's title and its version */
      g_autofree char *pack = g_strdup_printf (_("%s, version %s"), title, version);

      append_field (out, _("Content"), pack);
    }
}

void
cmio_export_append_scores (GString                 *out,
                           JsonObject              *assessment,
                           const char              *separator,
                           const CmioExportEscapes *escapes)
{
  JsonObject *counts = cmio_json_get_object (assessment, "counts");
  double mean = 0.0;

  if (cmio_json_get_number (assessment, "mean", &mean))
    {
      g_autofree char *score = cmio_chart_format_score (mean);

      /* Translators: the mean self-assessment score, like "3.4 of 5" */
      cmio_export_append_printf (out, escapes, _("Mean score: %s of 5"), score);
    }
  else
    cmio_export_append_text (out, _("Mean score: none, no competency answered"), FALSE, escapes);
  g_string_append (out, separator);
  /* Translators: the self-assessment's counts of competencies */
  cmio_export_append_printf (out, escapes, _("%u answered, %u not sure, %u unanswered"),
                             cmio_json_get_uint (counts, "answered"),
                             cmio_json_get_uint (counts, "not_sure"),
                             cmio_json_get_uint (counts, "unanswered"));
}

void
cmio_export_append_mean (GString                 *out,
                         JsonObject              *domain,
                         const CmioExportEscapes *escapes)
{
  double mean = 0.0;

  if (cmio_json_get_number (domain, "mean", &mean))
    {
      g_autofree char *score = cmio_chart_format_score (mean);

      cmio_export_append_text (out, score, FALSE, escapes);
    }
  else
    cmio_export_append_text (out, _("no answers"), FALSE, escapes);
}

/* Writing */

/**
 * cmio_export_write:
 * @export: an export from cmio_export_build()
 * @kind: the format to write
 * @file: where
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
cmio_export_write (JsonNode        *export,
                   CmioExportKind   kind,
                   GFile           *file,
                   GError         **error)
{
  g_autofree char *data = NULL;

  switch (kind)
    {
    case CMIO_EXPORT_JSON:
      data = cmio_export_to_json (export);
      break;

    case CMIO_EXPORT_MARKDOWN:
      data = cmio_export_to_markdown (export);
      break;

    case CMIO_EXPORT_HTML:
      data = cmio_export_to_html (export);
      break;

    case CMIO_EXPORT_PDF:
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("PDF export is not available yet; export to .html and print that to PDF"));
      return FALSE;
    }

  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/**
 * cmio_export_to_json:
 * @export: an export from cmio_export_build()
 *
 * Returns: (transfer full): the export as the text of a .cmioexport file:
 *   indented JSON, ending with a line feed
 */
char *
cmio_export_to_json (JsonNode *export)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *data = g_string_new (NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, export);
  json_generator_to_gstring (generator, data);
  g_string_append_c (data, '\n');
  return g_string_free (data, FALSE);
}

/**
 * cmio_export_record:
 * @export: an export from cmio_export_build(), written as a .cmioexport
 * @progress: the progress it was made from
 * @error: return location for a #GError
 *
 * Remembers in @progress that @export was sent, so that a review of an
 * older export can be told apart from one of the latest.
 *
 * Returns: %TRUE if it was recorded
 */
gboolean
cmio_export_record (JsonNode      *export,
                    CmioProgress  *progress,
                    GError       **error)
{
  JsonObject *root = json_node_get_object (export);

  return cmio_progress_record_export (progress, cmio_json_get_string (root, "export_id"),
                                      cmio_json_get_string (root, "exported_at"), error);
}
