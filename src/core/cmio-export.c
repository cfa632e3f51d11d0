/* cmio-export.c — what the user sends a mentor: JSON, Markdown, HTML
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cmio-export.h"

/* Every writer starts from the same JSON, built once; the Markdown and
 * HTML writers escape every text that came from the user or the pack, so
 * nothing in them can become markup. */

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
add_item (JsonBuilder  *builder,
          CmioPlan     *plan,
          CmioProgress *progress,
          CmioPlanItem *plan_item)
{
  CmioChecklistItem *item = cmio_plan_item_get_item (plan_item);
  const char *id = cmio_plan_item_get_id (plan_item);
  g_autoptr(GDate) date = cmio_plan_dup_target_date (plan, cmio_plan_item_get_target_day (plan_item));
  char target[32] = "";
  const char *comment = NULL;
  const char *by = NULL;
  const char *at = NULL;
  CmioMentorStatus status;

  g_date_strftime (target, sizeof target, "%Y-%m-%d", date);

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "number", cmio_plan_item_get_number (plan_item));
  add_string (builder, "chapter", cmio_plan_item_get_chapter_id (plan_item));
  add_string (builder, "text", cmio_plan_item_get_text (plan_item));
  add_string (builder, "owner", cmio_owner_to_string (cmio_checklist_item_get_owner (item)));
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, cmio_checklist_item_get_required (item));
  json_builder_set_member_name (builder, "custom");
  json_builder_add_boolean_value (builder, cmio_plan_item_get_custom (plan_item));
  json_builder_set_member_name (builder, "target_day");
  json_builder_add_int_value (builder, cmio_plan_item_get_target_day (plan_item));
  add_string (builder, "target_date", target);
  json_builder_set_member_name (builder, "done");
  json_builder_add_boolean_value (builder, cmio_progress_get_item_done (progress, id));
  add_string (builder, "done_at", cmio_progress_get_item_done_at (progress, id));
  add_string (builder, "evidence", cmio_progress_get_item_evidence (progress, id));

  status = cmio_progress_get_item_mentor (progress, id, &comment, &by, &at);
  if (status != CMIO_MENTOR_STATUS_NONE)
    {
      json_builder_set_member_name (builder, "mentor");
      json_builder_begin_object (builder);
      add_string (builder, "status", status == CMIO_MENTOR_STATUS_APPROVED ? "approved" : "discuss");
      add_string (builder, "comment", comment);
      add_string (builder, "by", by);
      add_string (builder, "at", at);
      json_builder_end_object (builder);
    }

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
 * chapter order, with its state; the profile; and the notes asked for.
 * Notes not marked "share with mentor" go in only with %CMIO_EXPORT_NOTES_ALL.
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
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  static const char * const profile_fields[] = { "name", "role", "organization", "start_date", "mentor" };
  GListModel *chapters = cmio_content_pack_get_chapters (pack);
  CmioExportNotes notes;

  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (CMIO_IS_PLAN (plan), NULL);

  if (options == NULL)
    options = &defaults;
  notes = options->notes;
  if (options->export_id == NULL)
    uuid = g_uuid_string_random ();
  if (options->exported_at == NULL)
    now = cmio_progress_now ();

  json_builder_begin_object (builder);
  add_string (builder, "format", CMIO_EXPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CMIO_EXPORT_VERSION);
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
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, cmio_chapter_get_number (chapter));
      add_string (builder, "title", cmio_chapter_get_title (chapter));
      json_builder_set_member_name (builder, "read");
      json_builder_add_boolean_value (builder, cmio_progress_get_chapter_read (progress,
                                                                              cmio_chapter_get_id (chapter)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);
      g_autoptr(GPtrArray) items = cmio_plan_dup_chapter_items (plan, cmio_chapter_get_id (chapter));

      for (guint j = 0; j < items->len; j++)
        add_item (builder, plan, progress, g_ptr_array_index (items, j));
    }
  json_builder_end_array (builder);

  if (notes != CMIO_EXPORT_NOTES_NONE)
    {
      json_builder_set_member_name (builder, "notes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < cmio_progress_get_n_notes (progress); i++)
        {
          const char *id = cmio_progress_get_note_id (progress, i);

          if (notes == CMIO_EXPORT_NOTES_SHARED && !cmio_progress_get_note_shared (progress, id))
            continue;

          json_builder_begin_object (builder);
          add_string (builder, "id", id);
          add_string (builder, "chapter", cmio_progress_get_note_field (progress, id, "chapter"));
          add_string (builder, "title", cmio_progress_get_note_field (progress, id, "title"));
          add_string (builder, "text", cmio_progress_get_note_field (progress, id, "text"));
          add_string (builder, "updated_at", cmio_progress_get_note_field (progress, id, "updated_at"));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Readers of the export's JSON, which the writers trust: they built it. */

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static gboolean
member_boolean (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node);
}

/**
 * cmio_markdown_escape:
 * @text: (nullable): plain text
 *
 * Makes @text safe to put in Markdown as text: every ASCII punctuation
 * character gets a backslash, so that nothing in it is read as emphasis, a
 * link, a heading, a list, raw HTML or a table; line breaks become spaces.
 *
 * Returns: (transfer full): the escaped text
 */
char *
cmio_markdown_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else if (g_ascii_ispunct (*p))
        g_string_append_printf (out, "\\%c", *p);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static const char *
owner_words (const char *owner)
{
  if (g_strcmp0 (owner, "mentor") == 0)
    return _("Mentor");
  if (g_strcmp0 (owner, "executive") == 0)
    return _("CIO/CMO office");
  return _("CMIO");
}

/**
 * cmio_export_to_markdown:
 * @export: an export from cmio_export_build()
 *
 * Returns: (transfer full): the export as Markdown, items as task lists
 */
char *
cmio_export_to_markdown (JsonNode *export)
{
  JsonObject *root = json_node_get_object (export);
  JsonObject *profile = json_object_get_object_member (root, "profile");
  JsonArray *chapters = json_object_get_array_member (root, "chapters");
  JsonArray *items = json_object_get_array_member (root, "items");
  GString *out = g_string_new (NULL);
  g_autofree char *name = cmio_markdown_escape (member_string (profile, "name"));

  g_string_append_printf (out, "# %s\n\n", _("CMIO Handbook: 90-Day Checklist"));
  if (*name != '\0')
    g_string_append_printf (out, "%s: %s  \n", _("Name"), name);
  {
    g_autofree char *start = cmio_markdown_escape (member_string (profile, "start_date"));
    g_autofree char *mentor = cmio_markdown_escape (member_string (profile, "mentor"));
    g_autofree char *exported = cmio_markdown_escape (member_string (root, "exported_at"));

    if (*start != '\0')
      g_string_append_printf (out, "%s: %s  \n", _("Start date"), start);
    if (*mentor != '\0')
      g_string_append_printf (out, "%s: %s  \n", _("Mentor"), mentor);
    g_string_append_printf (out, "%s: %s\n", _("Exported"), exported);
  }

  for (guint c = 0; c < json_array_get_length (chapters); c++)
    {
      JsonObject *chapter = json_array_get_object_element (chapters, c);
      g_autofree char *title = cmio_markdown_escape (member_string (chapter, "title"));

      g_string_append_printf (out, "\n## %u\\. %s\n\n", (guint) json_object_get_int_member (chapter, "number"),
                              title);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          g_autofree char *number = NULL;
          g_autofree char *text = NULL;
          g_autofree char *evidence = NULL;
          JsonObject *mentor;

          if (g_strcmp0 (member_string (item, "chapter"), member_string (chapter, "id")) != 0)
            continue;

          number = cmio_markdown_escape (member_string (item, "number"));
          text = cmio_markdown_escape (member_string (item, "text"));
          g_string_append_printf (out, "- [%c] %s %s — %s %s, %s%s",
                                  member_boolean (item, "done") ? 'x' : ' ', number, text,
                                  _("due"), member_string (item, "target_date"),
                                  owner_words (member_string (item, "owner")),
                                  member_boolean (item, "required") ? "" : _(", optional"));
          if (member_string (item, "done_at") != NULL)
            {
              g_autofree char *done_at = cmio_markdown_escape (member_string (item, "done_at"));

              g_string_append_printf (out, ", %s %s", _("done"), done_at);
            }
          g_string_append_c (out, '\n');

          evidence = cmio_markdown_escape (member_string (item, "evidence"));
          if (*evidence != '\0')
            g_string_append_printf (out, "  - %s: %s\n", _("Evidence"), evidence);

          mentor = json_object_has_member (item, "mentor") ? json_object_get_object_member (item, "mentor") : NULL;
          if (mentor != NULL)
            {
              g_autofree char *comment = cmio_markdown_escape (member_string (mentor, "comment"));
              g_autofree char *by = cmio_markdown_escape (member_string (mentor, "by"));

              g_string_append_printf (out, "  - %s: %s%s%s%s\n", _("Mentor"),
                                      g_strcmp0 (member_string (mentor, "status"), "approved") == 0
                                        ? _("approved") : _("to discuss"),
                                      *by ? " (" : "", by, *by ? ")" : "");
              if (*comment != '\0')
                g_string_append_printf (out, "    %s\n", comment);
            }
        }
    }

  if (json_object_has_member (root, "notes"))
    {
      JsonArray *notes = json_object_get_array_member (root, "notes");

      g_string_append_printf (out, "\n## %s\n", _("Notes"));
      for (guint i = 0; i < json_array_get_length (notes); i++)
        {
          JsonObject *note = json_array_get_object_element (notes, i);
          g_autofree char *title = cmio_markdown_escape (member_string (note, "title"));
          g_auto(GStrv) lines = g_strsplit (member_string (note, "text") ? member_string (note, "text") : "", "\n", -1);

          g_string_append_printf (out, "\n### %s\n\n", *title ? title : _("Note"));
          for (guint l = 0; lines[l] != NULL; l++)
            {
              g_autofree char *line = cmio_markdown_escape (lines[l]);

              g_string_append_printf (out, "%s  \n", line);
            }
        }
    }

  return g_string_free (out, FALSE);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

/* A self-contained page: inline styles only, no script, nothing fetched. */
static const char html_style[] =
  "body{font-family:system-ui,Cantarell,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;"
  "color:#222;line-height:1.45}h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;"
  "border-bottom:1px solid #ccc}ul.items{list-style:none;padding:0}li.item{margin:.5em 0;"
  "padding-left:1.8em;text-indent:-1.8em}.box{display:inline-block;width:1.2em}.meta,.evidence,"
  ".mentor{color:#555;font-size:.9em;margin-left:1.8em;text-indent:0}.sign{margin-top:3em}"
  ".sign p{border-top:1px solid #333;width:18em;padding-top:.2em;margin-top:2.5em}"
  "@media print{body{margin:0}}";

/**
 * cmio_export_to_html:
 * @export: an export from cmio_export_build()
 *
 * Returns: (transfer full): the export as one self-contained HTML page,
 *   printable, with check boxes and lines for the mentor's signature
 */
char *
cmio_export_to_html (JsonNode *export)
{
  JsonObject *root = json_node_get_object (export);
  JsonObject *profile = json_object_get_object_member (root, "profile");
  JsonArray *chapters = json_object_get_array_member (root, "chapters");
  JsonArray *items = json_object_get_array_member (root, "items");
  GString *out = g_string_new (NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'\"><title>");
  append_escaped (out, _("CMIO Handbook: 90-Day Checklist"));
  g_string_append_printf (out, "</title><style>%s</style></head><body><h1>", html_style);
  append_escaped (out, _("CMIO Handbook: 90-Day Checklist"));
  g_string_append (out, "</h1><p>");
  append_escaped (out, member_string (profile, "name"));
  if (member_string (profile, "start_date") != NULL)
    {
      g_string_append (out, "<br>");
      append_escaped (out, _("Start date"));
      g_string_append (out, ": ");
      append_escaped (out, member_string (profile, "start_date"));
    }
  if (member_string (profile, "mentor") != NULL)
    {
      g_string_append (out, "<br>");
      append_escaped (out, _("Mentor"));
      g_string_append (out, ": ");
      append_escaped (out, member_string (profile, "mentor"));
    }
  g_string_append (out, "</p>");

  for (guint c = 0; c < json_array_get_length (chapters); c++)
    {
      JsonObject *chapter = json_array_get_object_element (chapters, c);

      g_string_append_printf (out, "<h2>%u. ", (guint) json_object_get_int_member (chapter, "number"));
      append_escaped (out, member_string (chapter, "title"));
      g_string_append (out, "</h2><ul class=\"items\">");

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          JsonObject *mentor;

          if (g_strcmp0 (member_string (item, "chapter"), member_string (chapter, "id")) != 0)
            continue;

          g_string_append_printf (out, "<li class=\"item\"><span class=\"box\">%s</span><b>",
                                  member_boolean (item, "done") ? "☑" : "☐");
          append_escaped (out, member_string (item, "number"));
          g_string_append (out, "</b> ");
          append_escaped (out, member_string (item, "text"));
          g_string_append (out, "<div class=\"meta\">");
          append_escaped (out, _("Target"));
          g_string_append (out, " ");
          append_escaped (out, member_string (item, "target_date"));
          if (member_string (item, "done_at") != NULL)
            {
              g_string_append (out, " · ");
              append_escaped (out, _("done"));
              g_string_append (out, " ");
              append_escaped (out, member_string (item, "done_at"));
            }
          g_string_append (out, " · ");
          append_escaped (out, owner_words (member_string (item, "owner")));
          g_string_append (out, "</div>");
          if (member_string (item, "evidence") != NULL)
            {
              g_string_append (out, "<div class=\"evidence\">");
              append_escaped (out, _("Evidence"));
              g_string_append (out, ": ");
              append_escaped (out, member_string (item, "evidence"));
              g_string_append (out, "</div>");
            }
          mentor = json_object_has_member (item, "mentor") ? json_object_get_object_member (item, "mentor") : NULL;
          if (mentor != NULL)
            {
              g_string_append (out, "<div class=\"mentor\">");
              append_escaped (out, g_strcmp0 (member_string (mentor, "status"), "approved") == 0
                                     ? _("Approved") : _("To discuss"));
              if (member_string (mentor, "comment") != NULL)
                {
                  g_string_append (out, ": ");
                  append_escaped (out, member_string (mentor, "comment"));
                }
              g_string_append (out, "</div>");
            }
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul>");
    }

  if (json_object_has_member (root, "notes"))
    {
      JsonArray *notes = json_object_get_array_member (root, "notes");

      g_string_append (out, "<h2>");
      append_escaped (out, _("Notes"));
      g_string_append (out, "</h2>");
      for (guint i = 0; i < json_array_get_length (notes); i++)
        {
          JsonObject *note = json_array_get_object_element (notes, i);

          g_string_append (out, "<h3>");
          append_escaped (out, member_string (note, "title"));
          g_string_append (out, "</h3><pre style=\"white-space:pre-wrap;font-family:inherit\">");
          append_escaped (out, member_string (note, "text"));
          g_string_append (out, "</pre>");
        }
    }

  g_string_append (out, "<div class=\"sign\"><p>");
  append_escaped (out, _("Mentor’s signature"));
  g_string_append (out, "</p><p>");
  append_escaped (out, _("Date"));
  g_string_append (out, "</p></div></body></html>\n");
  return g_string_free (out, FALSE);
}

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
      {
        g_autoptr(JsonGenerator) generator = json_generator_new ();

        json_generator_set_pretty (generator, TRUE);
        json_generator_set_root (generator, export);
        data = json_generator_to_data (generator, NULL);
      }
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
