/* test-progress.c — the progress model: its setters, their checks, JSON
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-progress.h"
#include "cmio-test-core.h"
#include "cmio-undo-stack.h"

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static CmioProgress *
load (const char *json,
      GError    **error)
{
  g_autoptr(JsonNode) root = parse (json);

  return cmio_progress_new_from_json (root, error);
}

/* Saves and loads again, through the JSON text, as the store does. */
static CmioProgress *
round_trip (CmioProgress *progress)
{
  g_autoptr(JsonNode) root = cmio_progress_to_json (progress);
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr(GError) error = NULL;
  CmioProgress *copy = load (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

typedef struct
{
  guint count;
  char *section;
  char *id;
} Changes;

static void
changed_cb (CmioProgress *progress,
            const char   *section,
            const char   *id,
            Changes      *changes)
{
  changes->count++;
  g_free (changes->section);
  g_free (changes->id);
  changes->section = g_strdup (section);
  changes->id = g_strdup (id);
}

static void
changes_clear (Changes *changes)
{
  g_clear_pointer (&changes->section, g_free);
  g_clear_pointer (&changes->id, g_free);
}

/* Tests */

static void
test_progress_fresh (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(JsonNode) root = cmio_progress_to_json (progress);
  JsonObject *object = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "cmio-handbook-progress");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_true (cmio_progress_timestamp_is_valid (json_object_get_string_member (object, "saved_at")));
  g_assert_true (json_object_get_null_member (object, "assessment_draft"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "notes")), ==, 0);
  g_assert_false (cmio_progress_get_read_only (progress));
}

static void
test_progress_profile (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioProgress) copy = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  g_signal_connect (progress, "changed::profile", G_CALLBACK (changed_cb), &changes);

  g_assert_true (cmio_progress_set_profile (progress, "name", "Dr. Ada Example", &error));
  g_assert_true (cmio_progress_set_profile (progress, "start_date", "2026-11-02", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_cmpstr (changes.id, ==, "start_date");

  /* Setting the same value again is no change. */
  g_assert_true (cmio_progress_set_profile (progress, "name", "Dr. Ada Example", &error));
  g_assert_cmpuint (changes.count, ==, 2);

  /* Dates are checked: form and calendar. */
  g_assert_false (cmio_progress_set_profile (progress, "start_date", "2026-02-30", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cmio_progress_set_profile (progress, "start_date", "next monday", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (cmio_progress_get_profile (progress, "start_date"), ==, "2026-11-02");

  /* Clearing with an empty text. */
  g_assert_true (cmio_progress_set_profile (progress, "mentor", "", &error));
  g_assert_null (cmio_progress_get_profile (progress, "mentor"));

  copy = round_trip (progress);
  g_assert_cmpstr (cmio_progress_get_profile (copy, "name"), ==, "Dr. Ada Example");
  g_assert_cmpstr (cmio_progress_get_profile (copy, "start_date"), ==, "2026-11-02");
  changes_clear (&changes);
}

static void
test_progress_items (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioProgress) copy = NULL;
  g_autoptr(GError) error = NULL;
  const char *comment = NULL;
  const char *by = NULL;
  const char *at = NULL;
  Changes changes = { 0 };

  cmio_progress_set_content_pack (progress, pack);
  g_signal_connect (progress, "changed::item", G_CALLBACK (changed_cb), &changes);

  g_assert_true (cmio_progress_set_item_done (progress, "do-one", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cmio_progress_get_item_done (progress, "do-one"));
  g_assert_true (cmio_progress_timestamp_is_valid (cmio_progress_get_item_done_at (progress, "do-one")));
  g_assert_cmpstr (changes.id, ==, "do-one");

  /* Unknown ids are refused with a reason; ids of the wrong form too. */
  g_assert_false (cmio_progress_set_item_done (progress, "no-such-item", TRUE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (cmio_progress_set_item_done (progress, "Bad Id", TRUE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cmio_progress_set_item_evidence (progress, "do-two", "Met the CIO on day 3", &error));
  g_assert_true (cmio_progress_set_item_mentor (progress, "do-one", CMIO_MENTOR_STATUS_DISCUSS,
                                                "Let's talk", "Dr. Mentor", "2026-11-20T10:00:00Z",
                                                &error));
  g_assert_false (cmio_progress_set_item_mentor (progress, "do-one", CMIO_MENTOR_STATUS_APPROVED,
                                                 NULL, NULL, "yesterday", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);

  /* Unticking clears the time, and the mentor's mark stays. */
  g_assert_true (cmio_progress_set_item_done (progress, "do-one", FALSE, &error));
  g_assert_null (cmio_progress_get_item_done_at (progress, "do-one"));

  copy = round_trip (progress);
  g_assert_false (cmio_progress_get_item_done (copy, "do-one"));
  g_assert_cmpstr (cmio_progress_get_item_evidence (copy, "do-two"), ==, "Met the CIO on day 3");
  g_assert_cmpint (cmio_progress_get_item_mentor (copy, "do-one", &comment, &by, &at), ==,
                   CMIO_MENTOR_STATUS_DISCUSS);
  g_assert_cmpstr (comment, ==, "Let's talk");
  g_assert_cmpstr (by, ==, "Dr. Mentor");
  g_assert_cmpstr (at, ==, "2026-11-20T10:00:00Z");
  changes_clear (&changes);
}

static void
test_progress_archived_items (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) progress =
    load ("{\"format\": \"cmio-handbook-progress\", \"version\": 1,"
          " \"items\": {\"gone-from-pack\": {\"done\": true, \"done_at\": \"2026-11-03T10:00:00Z\"}}}",
          &error);
  g_auto(GStrv) ids = NULL;

  g_assert_no_error (error);
  cmio_progress_set_content_pack (progress, pack);

  /* An item no longer in the pack keeps its state, and can be changed and
   * deleted. */
  ids = cmio_progress_dup_item_ids (progress);
  g_assert_true (g_strv_contains ((const char * const *) ids, "gone-from-pack"));
  g_assert_true (cmio_progress_get_item_done (progress, "gone-from-pack"));
  g_assert_true (cmio_progress_set_item_evidence (progress, "gone-from-pack", "still here", &error));
  g_assert_true (cmio_progress_remove_item_state (progress, "gone-from-pack", &error));
  g_assert_false (cmio_progress_get_item_done (progress, "gone-from-pack"));
  g_assert_false (cmio_progress_remove_item_state (progress, "gone-from-pack", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NOT_FOUND);
}

static void
test_progress_chapters (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioProgress) copy = NULL;
  g_autoptr(GError) error = NULL;

  cmio_progress_set_content_pack (progress, pack);
  g_assert_true (cmio_progress_set_chapter_read (progress, "first", TRUE, &error));
  g_assert_true (cmio_progress_set_chapter_position (progress, "second", 0.42, &error));
  g_assert_false (cmio_progress_set_chapter_position (progress, "second", 1.5, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cmio_progress_set_chapter_read (progress, "third", TRUE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_UNKNOWN_ID);
  g_clear_error (&error);

  copy = round_trip (progress);
  g_assert_true (cmio_progress_get_chapter_read (copy, "first"));
  g_assert_false (cmio_progress_get_chapter_read (copy, "second"));
  g_assert_cmpfloat (cmio_progress_get_chapter_position (copy, "second"), ==, 0.42);
}

static void
test_progress_custom_items (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioProgress) copy = NULL;
  g_autoptr(CmioChecklistItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;

  cmio_progress_set_content_pack (progress, pack);
  id = cmio_progress_add_custom_item (progress, "first", "Meet the EHR trainers", 20,
                                      CMIO_OWNER_MENTOR, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (id, "custom-"));
  other = cmio_progress_add_custom_item (progress, "first", "Visit the lab", 40, CMIO_OWNER_CMIO,
                                         FALSE, &error);

  /* Checks: text, day, chapter. */
  g_assert_null (cmio_progress_add_custom_item (progress, "first", "  ", 20, CMIO_OWNER_CMIO, FALSE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cmio_progress_add_custom_item (progress, "first", "x", 91, CMIO_OWNER_CMIO, FALSE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cmio_progress_add_custom_item (progress, "nowhere", "x", 9, CMIO_OWNER_CMIO, FALSE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_UNKNOWN_ID);
  g_clear_error (&error);

  /* Numbered after the chapter's two built-in items; tickable like them. */
  item = cmio_progress_dup_custom_item (progress, 1);
  g_assert_cmpstr (cmio_checklist_item_get_number (item), ==, "1.4");
  g_assert_cmpstr (cmio_checklist_item_get_id (item), ==, other);
  g_assert_true (cmio_progress_set_item_done (progress, id, TRUE, &error));
  g_assert_true (cmio_progress_update_custom_item (progress, id, "Meet the trainers", 25,
                                                   CMIO_OWNER_CMIO, FALSE, &error));

  copy = round_trip (progress);
  g_clear_object (&item);
  g_assert_cmpuint (cmio_progress_get_n_custom_items (copy), ==, 2);
  item = cmio_progress_dup_custom_item (copy, 0);
  g_assert_cmpstr (cmio_checklist_item_get_text (item), ==, "Meet the trainers");
  g_assert_cmpint (cmio_checklist_item_get_target_day (item), ==, 25);
  g_assert_true (cmio_progress_get_item_done (copy, id));

  /* Deleting an item deletes its state too. */
  g_assert_true (cmio_progress_remove_custom_item (progress, id, &error));
  g_assert_false (cmio_progress_get_item_done (progress, id));
  g_assert_cmpuint (cmio_progress_get_n_custom_items (progress), ==, 1);
}

static void
test_progress_notes (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioProgress) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chapter_note = NULL;
  g_autofree char *free_note = NULL;
  g_autofree char *big = NULL;

  chapter_note = cmio_progress_add_note (progress, "cmio-vs-cio", NULL, "Ask about **budget**", &error);
  free_note = cmio_progress_add_note (progress, NULL, "Names", "Dr. A — cardiology", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cmio_progress_find_chapter_note (progress, "cmio-vs-cio"), ==, chapter_note);
  g_assert_false (cmio_progress_get_note_shared (progress, chapter_note));

  g_assert_true (cmio_progress_set_note_shared (progress, free_note, TRUE, &error));
  g_assert_true (cmio_progress_set_note_text (progress, chapter_note, "Ask about budget and staff", &error));

  /* A note over 1 MB is refused and the note stays as it was. */
  big = g_malloc (CMIO_PROGRESS_MAX_TEXT + 2);
  memset (big, 'x', CMIO_PROGRESS_MAX_TEXT + 1);
  big[CMIO_PROGRESS_MAX_TEXT + 1] = '\0';
  g_assert_false (cmio_progress_set_note_text (progress, chapter_note, big, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_cmpstr (cmio_progress_get_note_field (progress, chapter_note, "text"), ==,
                   "Ask about budget and staff");
  big[CMIO_PROGRESS_MAX_TEXT] = '\0';
  g_assert_true (cmio_progress_set_note_text (progress, chapter_note, big, &error));
  g_assert_no_error (error);

  copy = round_trip (progress);
  g_assert_cmpuint (cmio_progress_get_n_notes (copy), ==, 2);
  g_assert_cmpuint (strlen (cmio_progress_get_note_field (copy, chapter_note, "text")), ==,
                    CMIO_PROGRESS_MAX_TEXT);
  g_assert_cmpstr (cmio_progress_get_note_field (copy, free_note, "title"), ==, "Names");
  g_assert_null (cmio_progress_get_note_field (copy, free_note, "chapter"));
  g_assert_true (cmio_progress_get_note_shared (copy, free_note));

  g_assert_true (cmio_progress_remove_note (progress, free_note, &error));
  g_assert_cmpuint (cmio_progress_get_n_notes (progress), ==, 1);
  g_assert_false (cmio_progress_remove_note (progress, free_note, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NOT_FOUND);
}

static void
test_progress_assessments (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioProgress) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  const char *draft;
  const char *comment = NULL;
  int level = -1;

  draft = cmio_progress_start_draft (progress, &error);
  g_assert_nonnull (draft);
  g_assert_true (cmio_progress_set_draft_rating (progress, "change-leadership", 3, "ok", &error));
  g_assert_true (cmio_progress_set_draft_rating (progress, "project-management", 0, NULL, &error));
  g_assert_false (cmio_progress_set_draft_rating (progress, "project-management", 6, NULL, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cmio_progress_set_draft_page (progress, 2, &error));

  /* The draft survives saving, on its page, with its answers. */
  copy = round_trip (progress);
  g_assert_true (cmio_progress_has_draft (copy));
  g_assert_cmpint (cmio_progress_get_draft_page (copy), ==, 2);
  g_assert_true (cmio_progress_get_rating (copy, draft, "change-leadership", &level, &comment));
  g_assert_cmpint (level, ==, 3);
  g_assert_cmpstr (comment, ==, "ok");
  g_assert_true (cmio_progress_get_rating (copy, draft, "project-management", &level, NULL));
  g_assert_cmpint (level, ==, 0);
  g_assert_false (cmio_progress_get_rating (copy, draft, "strategic-planning", NULL, NULL));

  done = cmio_progress_finish_draft (progress, &error);
  g_assert_no_error (error);
  g_assert_false (cmio_progress_has_draft (progress));
  g_assert_cmpuint (cmio_progress_get_n_assessments (progress), ==, 1);
  g_assert_true (cmio_progress_timestamp_is_valid (
                   cmio_progress_get_assessment_field (progress, done, "completed_at")));

  g_clear_object (&copy);
  copy = round_trip (progress);
  g_assert_cmpuint (cmio_progress_get_n_assessments (copy), ==, 1);
  g_assert_true (cmio_progress_get_rating (copy, done, "change-leadership", &level, NULL));
  g_assert_cmpint (level, ==, 3);

  g_assert_true (cmio_progress_remove_assessment (progress, done, &error));
  g_assert_cmpuint (cmio_progress_get_n_assessments (progress), ==, 0);
}

static void
test_progress_reviews (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioProgress) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = cmio_progress_add_review (progress, "6c1e2d0a-export", "Dr. Mentor", "2026-11-20T10:00:00Z",
                                 "Good start", &error);
  g_assert_no_error (error);
  g_assert_null (cmio_progress_add_review (progress, "x", NULL, "not a time", NULL, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);

  copy = round_trip (progress);
  g_assert_cmpuint (cmio_progress_get_n_reviews (copy), ==, 1);
  g_assert_cmpstr (cmio_progress_get_review_field (copy, 0, "export_id"), ==, "6c1e2d0a-export");
  g_assert_cmpstr (cmio_progress_get_review_field (copy, 0, "comment"), ==, "Good start");
  g_assert_true (cmio_progress_timestamp_is_valid (cmio_progress_get_review_field (copy, 0, "imported_at")));
}

static void
on_changed (CmioProgress *progress,
            const char   *section,
            const char   *id,
            GString      *log)
{
  g_string_append_printf (log, "%s:%s;", section, id ? id : "");
}

static void
test_progress_exports (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioProgress) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(JsonNode) saved = NULL;
  guint64 generation;

  /* Older files have none. */
  g_assert_cmpuint (cmio_progress_get_n_exports (progress), ==, 0);
  g_assert_cmpint (cmio_progress_find_export (progress, "e-1"), ==, -1);

  g_signal_connect (progress, "changed::export", G_CALLBACK (on_changed), log);
  g_assert_true (cmio_progress_record_export (progress, "e-1", "2026-11-20T10:00:00Z", &error));
  g_assert_true (cmio_progress_record_export (progress, "e-2", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "export:e-1;export:e-2;");
  g_assert_cmpuint (cmio_progress_get_n_exports (progress), ==, 2);
  g_assert_cmpint (cmio_progress_find_export (progress, "e-2"), ==, 1);
  g_assert_true (cmio_progress_timestamp_is_valid (cmio_progress_get_export_field (progress, 1, "exported_at")));

  /* The same export again changes nothing. */
  generation = cmio_progress_get_generation (progress);
  g_assert_true (cmio_progress_record_export (progress, "e-1", "2026-11-21T10:00:00Z", &error));
  g_assert_cmpuint (cmio_progress_get_generation (progress), ==, generation);
  g_assert_cmpuint (cmio_progress_get_n_exports (progress), ==, 2);

  /* Without an id or with a time that is not one, refused. */
  g_assert_false (cmio_progress_record_export (progress, "", NULL, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cmio_progress_record_export (progress, "e-3", "Tuesday", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);

  /* Saved, and read back. */
  copy = round_trip (progress);
  g_assert_cmpuint (cmio_progress_get_n_exports (copy), ==, 2);
  g_assert_cmpstr (cmio_progress_get_export_field (copy, 0, "export_id"), ==, "e-1");
  g_assert_cmpstr (cmio_progress_get_export_field (copy, 0, "exported_at"), ==, "2026-11-20T10:00:00Z");
  g_assert_cmpstr (cmio_progress_get_export_field (copy, 1, "export_id"), ==, "e-2");
  saved = cmio_progress_to_json (copy);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (saved), "exports")),
                    ==, 2);

  /* Only the newest are kept. */
  for (guint i = 0; i < CMIO_PROGRESS_MAX_EXPORTS + 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("many-%u", i);

      g_assert_true (cmio_progress_record_export (progress, id, NULL, &error));
    }
  g_assert_cmpuint (cmio_progress_get_n_exports (progress), ==, CMIO_PROGRESS_MAX_EXPORTS);
  g_assert_cmpstr (cmio_progress_get_export_field (progress, 0, "export_id"), ==, "many-5");
  g_assert_cmpint (cmio_progress_find_export (progress, "e-1"), ==, -1);
  g_assert_cmpint (cmio_progress_find_export (progress, "many-54"), ==, CMIO_PROGRESS_MAX_EXPORTS - 1);

  /* Read-only, nothing is recorded. */
  cmio_progress_set_read_only (progress, TRUE);
  g_assert_false (cmio_progress_record_export (progress, "e-9", NULL, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
}

static void
test_progress_unknown_members (void)
{
  static const char json[] =
    "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"future\": [1, {\"a\": null}],"
    " \"profile\": {\"name\": \"A\", \"pronouns\": \"she/her\"},"
    " \"items\": {\"do-one\": {\"done\": true, \"done_at\": \"2026-11-03T10:00:00Z\","
    "   \"photo\": {\"w\": 3}, \"mentor\": {\"status\": \"approved\", \"signature\": \"AB\"}}},"
    " \"notes\": [{\"id\": \"n1\", \"text\": \"t\", \"color\": \"blue\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) progress = load (json, &error);
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) original = parse (json);
  JsonObject *root;
  JsonObject *item;

  g_assert_no_error (error);

  /* Changes made through the model keep what the model does not know. */
  g_assert_true (cmio_progress_set_item_evidence (progress, "do-one", "done it", &error));
  g_assert_true (cmio_progress_set_profile (progress, "role", "CMIO", &error));
  g_assert_true (cmio_progress_set_note_text (progress, "n1", "t2", &error));

  saved = cmio_progress_to_json (progress);
  root = json_node_get_object (saved);
  g_assert_true (json_node_equal (json_object_get_member (root, "future"),
                                  json_object_get_member (json_node_get_object (original), "future")));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "profile"),
                                                  "pronouns"), ==, "she/her");
  item = json_object_get_object_member (json_object_get_object_member (root, "items"), "do-one");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (item, "photo"), "w"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "mentor"),
                                                  "signature"), ==, "AB");
  g_assert_cmpstr (json_object_get_string_member (item, "evidence"), ==, "done it");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "notes"), 0), "color"), ==, "blue");
}

static void
test_progress_invalid (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[1, 2]", "must hold a JSON object" },
    { "{\"format\": \"other\", \"version\": 1}", "format" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": \"1\"}", "version" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"items\": []}", "items" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"items\": {\"a\": {\"done\": \"yes\"}}}",
      "items › \"a\" › done" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"items\": {\"a\": {\"done\": true,"
      " \"mentor\": {\"status\": \"maybe\"}}}}", "mentor › status" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"chapters\": {\"a\": {\"read\": true,"
      " \"position\": 1e400}}}", "position" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"custom_items\": [{\"id\": \"c\","
      " \"chapter\": \"a\", \"text\": \"t\", \"target_day\": 120, \"owner\": \"cmio\"}]}", "target_day" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"notes\": [{\"id\": \"n\", \"text\": \"a\"},"
      " {\"id\": \"n\", \"text\": \"b\"}]}", "used twice" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"assessments\": [{\"id\": \"a\","
      " \"completed_at\": \"2026-11-03T10:00:00Z\", \"ratings\": {\"c\": {\"level\": 7}}}]}", "level" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"profile\": {\"start_date\": \"soon\"}}",
      "start_date" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"exports\": {\"e-1\": 1}}",
      "exports: must be a list, not an object" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"exports\": [\"e-1\"]}",
      "exports › 1: must be an object, not text" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"exports\": [{\"export_id\": 7,"
      " \"exported_at\": \"2026-11-20T10:00:00Z\"}]}", "exports › 1 › export_id: must be text" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"exports\": [{\"export_id\": \"e\"}]}",
      "exports › 1: has no \"exported_at\"" },
    { "{\"format\": \"cmio-handbook-progress\", \"version\": 1, \"exports\": [{\"export_id\": \"e\","
      " \"exported_at\": \"soon\"}]}", "exports › 1 › exported_at" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CmioProgress) progress = load (cases[i].json, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (progress);
      g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_progress_newer_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) progress =
    load ("{\"format\": \"cmio-handbook-progress\", \"version\": 2, \"items\": {\"a\": {\"done\": true}},"
          " \"new_thing\": {}}", &error);

  g_assert_no_error (error);
  g_assert_true (cmio_progress_get_read_only (progress));
  g_assert_true (cmio_progress_get_item_done (progress, "a"));
  g_assert_false (cmio_progress_set_item_done (progress, "a", FALSE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_assert_true (cmio_progress_get_item_done (progress, "a"));
}

static void
test_progress_migrate_v0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) progress =
    load ("{\"format\": \"cmio-handbook-progress\", \"version\": 0,"
          " \"checked\": {\"item-a\": \"2026-11-03T10:00:00Z\"},"
          " \"chapter_notes\": {\"what-is-a-cmio\": \"my text\"}, \"extra\": {\"x\": 1}}", &error);
  g_autoptr(JsonNode) saved = NULL;
  const char *note;

  g_assert_no_error (error);
  g_assert_false (cmio_progress_get_read_only (progress));
  g_assert_true (cmio_progress_get_item_done (progress, "item-a"));
  g_assert_cmpstr (cmio_progress_get_item_done_at (progress, "item-a"), ==, "2026-11-03T10:00:00Z");
  note = cmio_progress_find_chapter_note (progress, "what-is-a-cmio");
  g_assert_nonnull (note);
  g_assert_cmpstr (cmio_progress_get_note_field (progress, note, "text"), ==, "my text");

  saved = cmio_progress_to_json (progress);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (saved), "version"), ==, 1);
  g_assert_nonnull (json_object_get_object_member (json_node_get_object (saved), "extra"));
  g_assert_false (json_object_has_member (json_node_get_object (saved), "checked"));
}

static void
test_progress_snapshot_is_independent (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *note = NULL;

  note = cmio_progress_add_note (progress, NULL, "T", "one", &error);
  cmio_progress_set_item_done (progress, "an-item", TRUE, &error);
  snapshot = cmio_progress_to_json (progress);
  before = json_to_string (snapshot, FALSE);

  /* What changes after the snapshot does not reach it. */
  cmio_progress_set_note_text (progress, note, "two", &error);
  cmio_progress_set_item_done (progress, "an-item", FALSE, &error);
  cmio_progress_set_item_done (progress, "another", TRUE, &error);
  g_assert_no_error (error);
  after = json_to_string (snapshot, FALSE);
  g_assert_cmpstr (before, ==, after);
}

static void
test_progress_undo (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioUndoStack) undo = cmio_undo_stack_new (progress);
  g_autoptr(GError) error = NULL;
  g_autofree char *done_at = NULL;
  g_autofree char *custom = NULL;
  g_autoptr(CmioChecklistItem) item = NULL;

  g_assert_false (cmio_undo_stack_can_undo (undo));
  g_assert_false (cmio_undo_stack_undo (undo, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Untick then undo: the old tick comes back with its old time. */
  g_assert_true (cmio_progress_set_item_done (progress, "an-item", TRUE, &error));
  done_at = g_strdup (cmio_progress_get_item_done_at (progress, "an-item"));
  g_assert_true (cmio_undo_stack_set_item_done (undo, "an-item", FALSE, &error));
  g_assert_false (cmio_progress_get_item_done (progress, "an-item"));
  g_assert_cmpstr (cmio_undo_stack_get_label (undo), ==, "Item unticked");
  g_assert_true (cmio_undo_stack_undo (undo, &error));
  g_assert_true (cmio_progress_get_item_done (progress, "an-item"));
  g_assert_cmpstr (cmio_progress_get_item_done_at (progress, "an-item"), ==, done_at);

  /* Evidence, then undo. */
  g_assert_true (cmio_undo_stack_set_item_evidence (undo, "an-item", "minutes", &error));
  g_assert_true (cmio_undo_stack_set_item_evidence (undo, "an-item", "minutes, signed", &error));
  g_assert_true (cmio_undo_stack_undo (undo, &error));
  g_assert_cmpstr (cmio_progress_get_item_evidence (progress, "an-item"), ==, "minutes");

  /* A custom item: add, edit, delete, and undo each, newest first. */
  custom = cmio_undo_stack_add_custom_item (undo, "first", "Meet the trainers", 20,
                                            CMIO_OWNER_CMIO, TRUE, &error);
  g_assert_nonnull (custom);
  g_assert_true (cmio_undo_stack_set_item_done (undo, custom, TRUE, &error));
  g_assert_true (cmio_undo_stack_update_custom_item (undo, custom, "Meet all trainers", 25,
                                                     CMIO_OWNER_MENTOR, FALSE, &error));
  g_assert_true (cmio_undo_stack_remove_custom_item (undo, custom, &error));
  g_assert_cmpuint (cmio_progress_get_n_custom_items (progress), ==, 0);
  g_assert_false (cmio_progress_get_item_done (progress, custom));

  g_assert_true (cmio_undo_stack_undo (undo, &error));   /* delete */
  g_assert_cmpuint (cmio_progress_get_n_custom_items (progress), ==, 1);
  g_assert_true (cmio_progress_get_item_done (progress, custom));
  item = cmio_progress_dup_custom_item (progress, 0);
  g_assert_cmpstr (cmio_checklist_item_get_text (item), ==, "Meet all trainers");
  g_clear_object (&item);

  g_assert_true (cmio_undo_stack_undo (undo, &error));   /* edit */
  item = cmio_progress_dup_custom_item (progress, 0);
  g_assert_cmpstr (cmio_checklist_item_get_text (item), ==, "Meet the trainers");
  g_assert_cmpint (cmio_checklist_item_get_target_day (item), ==, 20);

  g_assert_true (cmio_undo_stack_undo (undo, &error));   /* tick */
  g_assert_false (cmio_progress_get_item_done (progress, custom));
  g_assert_true (cmio_undo_stack_undo (undo, &error));   /* add */
  g_assert_cmpuint (cmio_progress_get_n_custom_items (progress), ==, 0);
  g_assert_no_error (error);
}

static void
test_progress_undo_note (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioUndoStack) undo = cmio_undo_stack_new (progress);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = cmio_progress_add_note (progress, NULL, "Names", "Dr. Lee, pharmacy", &error);
  g_autofree char *second = cmio_progress_add_note (progress, "cmio-vs-cio", NULL, "Budget?", &error);
  g_autofree char *updated_at = NULL;

  g_assert_true (cmio_progress_set_note_shared (progress, first, TRUE, &error));
  updated_at = g_strdup (cmio_progress_get_note_field (progress, first, "updated_at"));

  /* Deleted, then put back in its place, exactly as it was. */
  g_assert_true (cmio_undo_stack_remove_note (undo, first, &error));
  g_assert_cmpuint (cmio_progress_get_n_notes (progress), ==, 1);
  g_assert_null (cmio_progress_get_note_field (progress, first, "text"));
  g_assert_cmpstr (cmio_undo_stack_get_label (undo), ==, "Note deleted");

  g_assert_true (cmio_undo_stack_undo (undo, &error));
  g_assert_cmpuint (cmio_progress_get_n_notes (progress), ==, 2);
  g_assert_cmpstr (cmio_progress_get_note_id (progress, 0), ==, first);
  g_assert_cmpstr (cmio_progress_get_note_id (progress, 1), ==, second);
  g_assert_cmpstr (cmio_progress_get_note_field (progress, first, "title"), ==, "Names");
  g_assert_cmpstr (cmio_progress_get_note_field (progress, first, "text"), ==, "Dr. Lee, pharmacy");
  g_assert_cmpstr (cmio_progress_get_note_field (progress, first, "updated_at"), ==, updated_at);
  g_assert_true (cmio_progress_get_note_shared (progress, first));
  g_assert_false (cmio_undo_stack_can_undo (undo));

  /* An unknown note is an error, and nothing is kept to undo. */
  g_assert_false (cmio_undo_stack_remove_note (undo, "note-missing", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NOT_FOUND);
  g_assert_false (cmio_undo_stack_can_undo (undo));
}

static void
test_progress_undo_assessment (void)
{
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(CmioUndoStack) undo = cmio_undo_stack_new (progress);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *completed_at = NULL;
  int level = -1;

  g_assert_nonnull (cmio_progress_start_draft (progress, &error));
  g_assert_true (cmio_progress_set_draft_rating (progress, "ehr-optimization", 2, "early days", &error));
  first = cmio_progress_finish_draft (progress, &error);
  g_assert_nonnull (cmio_progress_start_draft (progress, &error));
  g_assert_true (cmio_progress_set_draft_rating (progress, "ehr-optimization", 4, NULL, &error));
  second = cmio_progress_finish_draft (progress, &error);
  g_assert_no_error (error);
  completed_at = g_strdup (cmio_progress_get_assessment_field (progress, first, "completed_at"));

  g_assert_true (cmio_undo_stack_remove_assessment (undo, first, &error));
  g_assert_cmpuint (cmio_progress_get_n_assessments (progress), ==, 1);
  g_assert_cmpstr (cmio_undo_stack_get_label (undo), ==, "Self-assessment deleted");

  g_assert_true (cmio_undo_stack_undo (undo, &error));
  g_assert_cmpuint (cmio_progress_get_n_assessments (progress), ==, 2);
  g_assert_cmpstr (cmio_progress_get_assessment_id (progress, 0), ==, first);
  g_assert_cmpstr (cmio_progress_get_assessment_id (progress, 1), ==, second);
  g_assert_cmpstr (cmio_progress_get_assessment_field (progress, first, "completed_at"), ==, completed_at);
  g_assert_true (cmio_progress_get_rating (progress, first, "ehr-optimization", &level, NULL));
  g_assert_cmpint (level, ==, 2);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/progress/fresh", test_progress_fresh);
  g_test_add_func ("/cmio/progress/profile", test_progress_profile);
  g_test_add_func ("/cmio/progress/items", test_progress_items);
  g_test_add_func ("/cmio/progress/archived-items", test_progress_archived_items);
  g_test_add_func ("/cmio/progress/chapters", test_progress_chapters);
  g_test_add_func ("/cmio/progress/custom-items", test_progress_custom_items);
  g_test_add_func ("/cmio/progress/notes", test_progress_notes);
  g_test_add_func ("/cmio/progress/assessments", test_progress_assessments);
  g_test_add_func ("/cmio/progress/reviews", test_progress_reviews);
  g_test_add_func ("/cmio/progress/exports", test_progress_exports);
  g_test_add_func ("/cmio/progress/unknown-members", test_progress_unknown_members);
  g_test_add_func ("/cmio/progress/invalid", test_progress_invalid);
  g_test_add_func ("/cmio/progress/newer-version", test_progress_newer_version);
  g_test_add_func ("/cmio/progress/migrate-v0", test_progress_migrate_v0);
  g_test_add_func ("/cmio/progress/snapshot-is-independent", test_progress_snapshot_is_independent);
  g_test_add_func ("/cmio/progress/undo", test_progress_undo);
  g_test_add_func ("/cmio/progress/undo-note", test_progress_undo_note);
  g_test_add_func ("/cmio/progress/undo-assessment", test_progress_undo_assessment);

  return g_test_run ();
}
