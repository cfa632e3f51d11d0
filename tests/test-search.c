/* test-search.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-markdown.h"
#include "cmio-search-index.h"
#include "cmio-search-text.h"

/* The built-in pack, a progress holding three notes and a custom item, and
 * an index of both. Notes and custom items get new ids each time; tests name
 * them by label. */
typedef struct
{
  CmioContentPack *pack;
  CmioProgress *progress;
  CmioSearchIndex *index;
  GHashTable *labels;   /* id → label */
  char *meeting_id;     /* chapter note, titled, with accents */
  char *zebra_id;       /* free note, untitled */
  char *quokka_id;      /* free note, titled, decomposed accents and "ß" */
  char *custom_id;      /* custom item of the last chapter */
} Fixture;

static const char meeting_text[] =
  "Ask about the **Résumé** of the new analyst, and the downtime plan.\n"
  "\n"
  "- Bring the *quokka* budget sheet\n";
static const char zebra_text[] =
  "# Zebra crossing\n"
  "\n"
  "The zebra project is a naïve plan for café rounds &mdash; start small.\n";
static const char quokka_text[] =
  "A plain resume of the quokka pilot: Cafe\xcc\x81 noir, then the Straße corner.\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  fixture->pack = cmio_content_pack_load_builtin (&problems);
  g_assert_nonnull (fixture->pack);
  fixture->progress = cmio_progress_new ();
  cmio_progress_set_content_pack (fixture->progress, fixture->pack);

  fixture->meeting_id = cmio_progress_add_note (fixture->progress, "cmio-vs-cio",
                                                "Meeting with the CIO", meeting_text, &error);
  g_assert_no_error (error);
  fixture->zebra_id = cmio_progress_add_note (fixture->progress, NULL, NULL, zebra_text, &error);
  g_assert_no_error (error);
  fixture->quokka_id = cmio_progress_add_note (fixture->progress, NULL, "Quokka list", quokka_text,
                                               &error);
  g_assert_no_error (error);
  fixture->custom_id = cmio_progress_add_custom_item (fixture->progress, "first-90-days",
                                                      "Visit the quokka clinic with the CIO", 30,
                                                      CMIO_OWNER_CMIO, FALSE, &error);
  g_assert_no_error (error);

  fixture->labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (fixture->labels, fixture->meeting_id, "meeting");
  g_hash_table_insert (fixture->labels, fixture->zebra_id, "zebra");
  g_hash_table_insert (fixture->labels, fixture->quokka_id, "quokka");
  g_hash_table_insert (fixture->labels, fixture->custom_id, "quokka");

  fixture->index = cmio_search_index_new ();
  cmio_search_index_set_content_pack (fixture->index, fixture->pack);
  cmio_search_index_set_progress (fixture->index, fixture->progress);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->index);
  g_clear_object (&fixture->progress);
  g_clear_object (&fixture->pack);
  g_clear_pointer (&fixture->labels, g_hash_table_unref);
  g_clear_pointer (&fixture->meeting_id, g_free);
  g_clear_pointer (&fixture->zebra_id, g_free);
  g_clear_pointer (&fixture->quokka_id, g_free);
  g_clear_pointer (&fixture->custom_id, g_free);
}

/* The results as "chapter:ID", "item:ID", "custom:LABEL" or "note:LABEL",
 * space-separated. */
static char *
describe (Fixture    *fixture,
          GListModel *results)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CmioSearchResult) result = g_list_model_get_item (results, i);
      const char *id = cmio_search_result_get_id (result);
      const char *label = g_hash_table_lookup (fixture->labels, id);

      if (out->len > 0)
        g_string_append_c (out, ' ');

      switch (cmio_search_result_get_kind (result))
        {
        case CMIO_SEARCH_KIND_CHAPTER:
          g_string_append_printf (out, "chapter:%s", id);
          break;

        case CMIO_SEARCH_KIND_ITEM:
          if (label != NULL)
            g_string_append_printf (out, "custom:%s", label);
          else
            g_string_append_printf (out, "item:%s", id);
          break;

        case CMIO_SEARCH_KIND_NOTE:
          g_string_append_printf (out, "note:%s", label ? label : id);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
query (Fixture    *fixture,
       const char *text,
       guint       max_results)
{
  g_autoptr(GListModel) results = cmio_search_index_query (fixture->index, text, max_results);

  g_assert_true (g_list_model_get_item_type (results) == CMIO_TYPE_SEARCH_RESULT);
  return describe (fixture, results);
}

static CmioSearchResult *
first_result (Fixture    *fixture,
              const char *text)
{
  g_autoptr(GListModel) results = cmio_search_index_query (fixture->index, text, 0);

  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  return g_list_model_get_item (results, 0);
}

static void
test_search_normalize (void)
{
  static const struct
  {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Résumé", "resume" },
    { "RESUME", "resume" },
    { "resume", "resume" },
    { "Re\xcc\x81sume\xcc\x81", "resume" },   /* decomposed */
    { "NAÏVE Café", "naive cafe" },
    { "Straße", "strasse" },
    { "İstanbul", "istanbul" },
    { "AMDIS–Gartner", "amdis–gartner" },    /* an en dash is no accent */
    { "Ωμέγα", "ωμεγα" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = cmio_search_normalize (cases[i].text);
      g_autofree char *again = cmio_search_normalize (folded);

      g_assert_cmpstr (folded, ==, cases[i].folded);
      g_assert_cmpstr (again, ==, folded);
    }
}

static void
test_search_markdown_to_text (void)
{
  static const struct
  {
    const char *markdown;
    const char *text;
  } cases[] = {
    { "# Title\n\nSome *text* and **more**.\n", "Title\nSome text and more." },
    { "- one\n- two\n\n1. first\n", "one\ntwo\nfirst" },
    { "A [link](https://example.com \"t\") and `code`.", "A link and code." },
    { "Caf&eacute; &amp; bar &#x2014; &#233; &lt;b&gt; &nosuch;",
      "Café & bar — é <b> &nosuch;" },
    { "soft\nbreak and hard  \nbreak", "soft break and hard\nbreak" },
    { "| a | b |\n|---|---|\n| 1 | 2 |\n", "a\tb\n1\t2" },
    { "- [x] done\n- [ ] to do\n", "done\nto do" },
    { "~~gone~~ <script>x</script>", "gone <script>x</script>" },
    { "```\nline 1\nline 2\n```\n\nafter", "line 1\nline 2\nafter" },
    { "> quoted\n\n---\n\n![alt text](x.png)", "quoted\nalt text" },
    { "\xef\xbb\xbf" "BOM", "BOM" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cmio_markdown_to_text (cases[i].markdown, -1);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* The length is respected. */
  {
    g_autofree char *text = cmio_markdown_to_text ("*one* two", 5);

    g_assert_cmpstr (text, ==, "one");
  }
}

static void
test_search_table (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    const char *query;
    const char *expected;
  } cases[] = {
    /* The built-in pack */
    { "halamka",
      "chapter:what-is-a-cmio chapter:cmio-vs-cio chapter:what-does-a-cmio-do "
      "chapter:beyond-the-bridge chapter:hard-skills chapter:soft-skills" },
    { "HALAMKA", NULL },
    { "certif",
      "chapter:what-is-a-cmio chapter:cmio-vs-cio chapter:beyond-the-bridge chapter:hard-skills "
      "chapter:certification chapter:first-90-days item:confirm-license-and-privileges "
      "item:check-ci-exam-eligibility item:note-continuing-certification-dates "
      "item:decide-certification-route" },
    { "decision rights",
      "chapter:cmio-vs-cio chapter:what-does-a-cmio-do chapter:first-90-days "
      "item:confirm-decision-rights-in-writing" },
    { "rights   decision", NULL },
    { "amdis–gartner", "chapter:what-is-a-cmio chapter:cmio-vs-cio chapter:daily-schedule" },
    { "2.4", "item:agree-decision-rights" },
    { "chemistry", "chapter:cmio-vs-cio" },
    /* Chapters, then items, then notes */
    { "downtime",
      "chapter:cmio-vs-cio chapter:what-does-a-cmio-do chapter:hard-skills chapter:first-90-days "
      "item:agree-decision-rights note:meeting" },
    /* Custom items after the pack's; notes most recently updated first */
    { "quokka", "custom:quokka note:quokka note:meeting" },
    { "9.8", "custom:quokka" },
    { "zebra", "note:zebra" },
    { "Zebra CROSSING", "note:zebra" },
    /* Accents, both ways */
    { "resume", "note:quokka note:meeting" },
    { "RÉSUMÉ", "note:quokka note:meeting" },
    { "café", "note:quokka note:zebra" },
    { "CAFE", "note:quokka note:zebra" },
    { "naive", "note:zebra" },
    { "naïve", "note:zebra" },
    { "strasse", "note:quokka" },
    { "STRASSE", "note:quokka" },
    /* Every word, in the same document: title and body count together */
    { "cio quokka", "custom:quokka note:meeting" },
    { "meeting résumé", "note:meeting" },
    { "zebra quokka", "" },
    { "chemistry zebra", "" },
    { "halamka quokka", "" },
    /* Nothing */
    { "xylophone", "" },
    { "", "" },
    { "   ", "" },
    { " \t\n ", "" },
    { "\xcc\x81", "" },
  };
  const char *expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = query (fixture, cases[i].query, 0);

      /* NULL: the same as the case before. */
      if (cases[i].expected != NULL)
        expected = cases[i].expected;
      g_test_message ("query “%s”", cases[i].query);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_search_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CmioSearchResult) chapter = first_result (fixture, "chemistry");
  g_autoptr(CmioSearchResult) item = first_result (fixture, "2.4");
  g_autoptr(CmioSearchResult) custom = first_result (fixture, "9.8");
  g_autoptr(CmioSearchResult) zebra = first_result (fixture, "zebra");
  g_autoptr(CmioSearchResult) meeting = first_result (fixture, "meeting résumé");
  CmioSearchKind kind;
  g_autofree char *id = NULL;
  g_autofree char *chapter_id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *match_text = NULL;
  guint match_start;
  guint match_length;

  g_assert_cmpint (cmio_search_result_get_kind (chapter), ==, CMIO_SEARCH_KIND_CHAPTER);
  g_assert_cmpstr (cmio_search_result_get_id (chapter), ==, "cmio-vs-cio");
  g_assert_cmpstr (cmio_search_result_get_chapter_id (chapter), ==, "cmio-vs-cio");
  g_assert_cmpstr (cmio_search_result_get_title (chapter), ==, "2. CMIO vs. CIO");

  g_assert_cmpint (cmio_search_result_get_kind (item), ==, CMIO_SEARCH_KIND_ITEM);
  g_assert_cmpstr (cmio_search_result_get_chapter_id (item), ==, "cmio-vs-cio");
  g_assert_cmpstr (cmio_search_result_get_title (item), ==,
                   "2.4 Agree with the CIO who decides, recommends and is consulted on recurring "
                   "clinical-system decisions.");

  g_assert_cmpstr (cmio_search_result_get_id (custom), ==, fixture->custom_id);
  g_assert_cmpstr (cmio_search_result_get_chapter_id (custom), ==, "first-90-days");
  g_assert_cmpstr (cmio_search_result_get_title (custom), ==,
                   "9.8 Visit the quokka clinic with the CIO");

  /* An untitled note is called by its first line, without its markup. */
  g_assert_cmpint (cmio_search_result_get_kind (zebra), ==, CMIO_SEARCH_KIND_NOTE);
  g_assert_cmpstr (cmio_search_result_get_id (zebra), ==, fixture->zebra_id);
  g_assert_null (cmio_search_result_get_chapter_id (zebra));
  g_assert_cmpstr (cmio_search_result_get_title (zebra), ==, "Zebra crossing");

  g_assert_cmpstr (cmio_search_result_get_chapter_id (meeting), ==, "cmio-vs-cio");
  g_assert_cmpstr (cmio_search_result_get_title (meeting), ==, "Meeting with the CIO");
  g_assert_cmpstr (cmio_search_result_get_match_text (meeting), ==, "Meeting");

  /* The same through the properties. */
  g_object_get (meeting,
                "kind", &kind,
                "id", &id,
                "chapter-id", &chapter_id,
                "title", &title,
                "match-text", &match_text,
                "match-start", &match_start,
                "match-length", &match_length,
                NULL);
  g_assert_cmpint (kind, ==, CMIO_SEARCH_KIND_NOTE);
  g_assert_cmpstr (id, ==, fixture->meeting_id);
  g_assert_cmpstr (chapter_id, ==, "cmio-vs-cio");
  g_assert_cmpstr (title, ==, "Meeting with the CIO");
  g_assert_cmpstr (match_text, ==, "Meeting");
  g_assert_cmpuint (match_start, ==, cmio_search_result_get_match_start (meeting));
  g_assert_cmpuint (match_length, ==, strlen ("Meeting"));
}

/* Whitespace collapsed, as the snippet shows text. */
static char *
collapse (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_utf8_get_char (p));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Checks a result's snippet: one line, bounded, the match where it says,
 * cut at word boundaries of @source (the document's plain text). */
static void
check_snippet (CmioSearchResult *result,
               const char       *word,
               const char       *source)
{
  const char *snippet = cmio_search_result_get_snippet (result);
  guint start = cmio_search_result_get_match_start (result);
  guint length = cmio_search_result_get_match_length (result);
  g_autofree char *collapsed = collapse (source);
  g_autofree char *matched = NULL;
  g_autofree char *folded_match = NULL;
  g_autofree char *folded_word = cmio_search_normalize (word);
  g_autofree char *core = NULL;
  gsize core_length;
  gboolean cut_before = g_str_has_prefix (snippet, "…");
  gboolean cut_after = g_str_has_suffix (snippet, "…");
  const char *found;
  glong chars = g_utf8_strlen (snippet, -1);

  g_assert_true (g_utf8_validate (snippet, -1, NULL));
  g_assert_null (strchr (snippet, '\n'));
  g_assert_null (strchr (snippet, '\t'));
  g_assert_null (strstr (snippet, "  "));
  g_assert_cmpint (chars, <=, 142);
  if (cut_before && cut_after)
    g_assert_cmpint (chars, >=, 90);

  /* The match */
  g_assert_cmpuint (length, >, 0);
  g_assert_cmpuint (start + length, <=, strlen (snippet));
  matched = g_strndup (snippet + start, length);
  g_assert_cmpstr (matched, ==, cmio_search_result_get_match_text (result));
  folded_match = cmio_search_normalize (matched);
  g_assert_cmpstr (folded_match, ==, folded_word);

  /* The snippet is the source's text, cut between words. */
  core = g_strdup (snippet + (cut_before ? strlen ("…") : 0));
  core_length = strlen (core) - (cut_after ? strlen ("…") : 0);
  core[core_length] = '\0';
  g_assert_false (g_str_has_prefix (core, " "));
  g_assert_false (g_str_has_suffix (core, " "));
  found = strstr (collapsed, core);
  g_assert_nonnull (found);
  g_assert_true (cut_before == (found > collapsed));
  g_assert_true (cut_after == (found[core_length] != '\0'));
  if (cut_before)
    g_assert_cmpint (found[-1], ==, ' ');
  if (cut_after)
    g_assert_cmpint (found[core_length], ==, ' ');
}

static void
test_search_snippets (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const words[] = {
    "certif", "halamka", "downtime", "CIO", "chemistry", "amdis–gartner", "sources", "the", "2.4",
  };

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autoptr(GListModel) results = cmio_search_index_query (fixture->index, words[w], 0);

      g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(CmioSearchResult) result = g_list_model_get_item (results, i);
          const char *id = cmio_search_result_get_id (result);
          g_autofree char *source = NULL;

          if (cmio_search_result_get_kind (result) == CMIO_SEARCH_KIND_CHAPTER)
            {
              CmioChapter *chapter = cmio_content_pack_find_chapter (fixture->pack, id);

              source = cmio_markdown_to_text (cmio_chapter_get_markdown (chapter), -1);
            }
          else if (cmio_search_result_get_kind (result) == CMIO_SEARCH_KIND_ITEM &&
                   cmio_content_pack_find_item (fixture->pack, id) != NULL)
            {
              CmioChecklistItem *item = cmio_content_pack_find_item (fixture->pack, id);

              source = g_strdup_printf ("%s %s\n%s", cmio_checklist_item_get_number (item),
                                        cmio_checklist_item_get_text (item),
                                        cmio_checklist_item_get_detail (item));
            }
          else
            {
              continue;
            }

          check_snippet (result, words[w], source);
        }
    }
}

static void
test_search_accents (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CmioSearchIndex) notes_only = cmio_search_index_new ();
  static const struct
  {
    const char *query;
    const char *match_text;
    const char *snippet;
  } cases[] = {
    /* Accented in the note, plain in the query, and the other way round */
    { "resume", "resume",
      "A plain resume of the quokka pilot: Cafe\xcc\x81 noir, then the Straße corner." },
    { "résumé analyst", "Résumé",
      "Ask about the Résumé of the new analyst, and the downtime plan. "
      "Bring the quokka budget sheet" },
    { "naive", "naïve", NULL },
    { "NAÏVE", "naïve", NULL },
    /* The combining accent goes with the letter it sits on. */
    { "cafe noir", "Cafe\xcc\x81", NULL },
    { "café noir", "Cafe\xcc\x81", NULL },
    /* One character folding to two */
    { "strasse", "Straße", NULL },
    { "ss", "ß", NULL },
    /* An entity is text */
    { "café —", "café", NULL },
    /* Multi-byte text before and in the match */
    { "straße corner", "Straße", NULL },
    { "noir", "noir", NULL },
    { "corner", "corner", NULL },
  };

  /* Only the notes, so that the first result is always a note. */
  cmio_search_index_set_progress (notes_only, fixture->progress);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) results = cmio_search_index_query (notes_only, cases[i].query, 0);
      g_autoptr(CmioSearchResult) result = g_list_model_get_item (results, 0);
      const char *snippet = cmio_search_result_get_snippet (result);
      g_autofree char *matched = g_strndup (snippet + cmio_search_result_get_match_start (result),
                                            cmio_search_result_get_match_length (result));

      g_assert_nonnull (result);
      g_assert_cmpint (cmio_search_result_get_kind (result), ==, CMIO_SEARCH_KIND_NOTE);
      g_assert_cmpstr (cmio_search_result_get_match_text (result), ==, cases[i].match_text);
      g_assert_cmpstr (matched, ==, cases[i].match_text);
      if (cases[i].snippet != NULL)
        g_assert_cmpstr (snippet, ==, cases[i].snippet);
    }

  /* In the built-in text: an en dash, three bytes */
  {
    g_autoptr(CmioSearchResult) result = first_result (fixture, "Amdis–GARTNER survey");
    const char *snippet = cmio_search_result_get_snippet (result);

    g_assert_cmpstr (cmio_search_result_get_match_text (result), ==, "AMDIS–Gartner");
    g_assert_cmpint (strncmp (snippet + cmio_search_result_get_match_start (result),
                              "AMDIS–Gartner", strlen ("AMDIS–Gartner")), ==, 0);
  }
}

static void
test_search_changes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  g_autofree char *new_id = NULL;

  /* A change to a note's text is seen by the next query. */
  g_assert_true (cmio_progress_set_note_text (fixture->progress, fixture->zebra_id,
                                              "# Zebra crossing\n\nNow about *wombats*.", &error));
  g_assert_no_error (error);
  got = query (fixture, "wombat", 0);
  g_assert_cmpstr (got, ==, "note:zebra");
  g_clear_pointer (&got, g_free);
  got = query (fixture, "naive", 0);
  g_assert_cmpstr (got, ==, "");
  g_clear_pointer (&got, g_free);

  /* So is a change to its title; and the note changed last comes first. */
  g_assert_true (cmio_progress_set_note_title (fixture->progress, fixture->meeting_id,
                                               "Wombat meeting", &error));
  g_assert_no_error (error);
  got = query (fixture, "wombat", 0);
  g_assert_cmpstr (got, ==, "note:meeting note:zebra");
  g_clear_pointer (&got, g_free);
  got = query (fixture, "quokka", 0);
  g_assert_cmpstr (got, ==, "custom:quokka note:meeting note:quokka");
  g_clear_pointer (&got, g_free);

  /* Many changes between two queries */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *text = g_strdup_printf ("Typing %u", i);

      g_assert_true (cmio_progress_set_note_text (fixture->progress, fixture->quokka_id, text,
                                                  &error));
    }
  got = query (fixture, "typing 49", 0);
  g_assert_cmpstr (got, ==, "note:quokka");
  g_clear_pointer (&got, g_free);
  got = query (fixture, "typing 48", 0);
  g_assert_cmpstr (got, ==, "");
  g_clear_pointer (&got, g_free);

  /* A removed note disappears. */
  g_assert_true (cmio_progress_remove_note (fixture->progress, fixture->zebra_id, &error));
  g_assert_no_error (error);
  got = query (fixture, "wombat", 0);
  g_assert_cmpstr (got, ==, "note:meeting");
  g_clear_pointer (&got, g_free);

  /* A new note appears, first. */
  new_id = cmio_progress_add_note (fixture->progress, NULL, "Wombat burrows", "", &error);
  g_assert_no_error (error);
  g_hash_table_insert (fixture->labels, new_id, "new");
  got = query (fixture, "wombat", 0);
  g_assert_cmpstr (got, ==, "note:new note:meeting");
  g_clear_pointer (&got, g_free);

  /* Custom items: changed, then removed */
  g_assert_true (cmio_progress_update_custom_item (fixture->progress, fixture->custom_id,
                                                   "Visit the wombat clinic", 30,
                                                   CMIO_OWNER_CMIO, FALSE, &error));
  g_assert_no_error (error);
  got = query (fixture, "wombat", 0);
  g_assert_cmpstr (got, ==, "custom:quokka note:new note:meeting");
  g_clear_pointer (&got, g_free);
  /* The quokka note keeps its title; it changed after the meeting note. */
  got = query (fixture, "quokka", 0);
  g_assert_cmpstr (got, ==, "note:quokka note:meeting");
  g_clear_pointer (&got, g_free);

  g_assert_true (cmio_progress_remove_custom_item (fixture->progress, fixture->custom_id, &error));
  g_assert_no_error (error);
  got = query (fixture, "wombat", 0);
  g_assert_cmpstr (got, ==, "note:new note:meeting");
  g_clear_pointer (&got, g_free);

  /* Another progress replaces this one's notes. */
  {
    g_autoptr(CmioProgress) other = cmio_progress_new ();
    g_autofree char *other_id = cmio_progress_add_note (other, NULL, "Wombat", "", &error);

    g_hash_table_insert (fixture->labels, other_id, "other");
    cmio_search_index_set_progress (fixture->index, other);
    got = query (fixture, "wombat", 0);
    g_assert_cmpstr (got, ==, "note:other");
    g_clear_pointer (&got, g_free);

    /* Changes to the old one are no longer followed. */
    g_assert_true (cmio_progress_set_note_text (fixture->progress, fixture->meeting_id, "koala",
                                                &error));
    got = query (fixture, "koala", 0);
    g_assert_cmpstr (got, ==, "");
    g_clear_pointer (&got, g_free);

    cmio_search_index_set_progress (fixture->index, NULL);
    got = query (fixture, "wombat", 0);
    g_assert_cmpstr (got, ==, "");
    g_clear_pointer (&got, g_free);
    g_hash_table_remove (fixture->labels, other_id);
  }
}

static void
test_search_max_results (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct
  {
    const char *query;
    guint max_results;
    const char *expected;
  } cases[] = {
    { "certif", 3, "chapter:what-is-a-cmio chapter:cmio-vs-cio chapter:beyond-the-bridge" },
    { "certif", 7,
      "chapter:what-is-a-cmio chapter:cmio-vs-cio chapter:beyond-the-bridge chapter:hard-skills "
      "chapter:certification chapter:first-90-days item:confirm-license-and-privileges" },
    { "quokka", 2, "custom:quokka note:quokka" },
    { "quokka", 1, "custom:quokka" },
    { "downtime", 6,
      "chapter:cmio-vs-cio chapter:what-does-a-cmio-do chapter:hard-skills chapter:first-90-days "
      "item:agree-decision-rights note:meeting" },
    { "downtime", 100,
      "chapter:cmio-vs-cio chapter:what-does-a-cmio-do chapter:hard-skills chapter:first-90-days "
      "item:agree-decision-rights note:meeting" },
    { "resume", 1, "note:quokka" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = query (fixture, cases[i].query, cases[i].max_results);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  /* 0 is no limit: "the" is in every chapter and most items. */
  {
    g_autoptr(GListModel) all = cmio_search_index_query (fixture->index, "the", 0);
    g_autoptr(GListModel) some = cmio_search_index_query (fixture->index, "the", 5);

    g_assert_cmpuint (g_list_model_get_n_items (all), >, 50);
    g_assert_cmpuint (g_list_model_get_n_items (some), ==, 5);
  }
}

static void
test_search_empty_index (void)
{
  g_autoptr(CmioSearchIndex) index = cmio_search_index_new ();
  g_autoptr(GListModel) results = cmio_search_index_query (index, "cio", 0);

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

/* A long note: the snippet stays short, and a match deep inside is cut out
 * with its neighbours. */
static void
test_search_long_note (void)
{
  g_autoptr(CmioSearchIndex) index = cmio_search_index_new ();
  g_autoptr(CmioProgress) progress = cmio_progress_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(CmioSearchResult) result = NULL;
  g_autofree char *id = NULL;
  const char *snippet;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Paragraph %u é—ü words words.\n\n", i);
  g_string_append (text, "The needle is here.\n\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "More text after it.\n");

  id = cmio_progress_add_note (progress, NULL, "Long", text->str, &error);
  g_assert_no_error (error);
  cmio_search_index_set_progress (index, progress);

  results = cmio_search_index_query (index, "NEEDLE", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  snippet = cmio_search_result_get_snippet (result);
  g_assert_true (g_str_has_prefix (snippet, "…"));
  g_assert_true (g_str_has_suffix (snippet, "…"));
  g_assert_cmpint (g_utf8_strlen (snippet, -1), <=, 142);
  g_assert_cmpint (g_utf8_strlen (snippet, -1), >=, 90);
  g_assert_nonnull (strstr (snippet, "Paragraph 1999 é—ü words words. The needle is here. More"));
  g_assert_cmpint (strncmp (snippet + cmio_search_result_get_match_start (result), "needle", 6),
                   ==, 0);
  g_assert_cmpuint (cmio_search_result_get_match_length (result), ==, 6);
}

/* A query's words, as the search and the checklist's filter both read it. */
static void
test_search_split_words (void)
{
  static const struct {
    const char *query;
    const char *words;   /* joined by "|", NULL for none */
  } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { " \t\n ", NULL },
    { "EHR", "ehr" },
    { "  Héllo   WORLD\t", "hello|world" },
    { "a \xcc\x81 b", "a|b" },                /* a lone combining accent is no word */
    { "\xcc\x81\xcc\x88", NULL },
    { "straße ÉTÉ", "strasse|ete" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) words = cmio_search_split_words (cases[i].query);
      g_autofree char *joined = words != NULL ? g_strjoinv ("|", words) : NULL;

      g_assert_cmpstr (joined, ==, cases[i].words);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/search/normalize", test_search_normalize);
  g_test_add_func ("/cmio/search/split-words", test_search_split_words);
  g_test_add_func ("/cmio/search/markdown-to-text", test_search_markdown_to_text);
  g_test_add ("/cmio/search/table", Fixture, NULL,
              fixture_set_up, test_search_table, fixture_tear_down);
  g_test_add ("/cmio/search/fields", Fixture, NULL,
              fixture_set_up, test_search_fields, fixture_tear_down);
  g_test_add ("/cmio/search/snippets", Fixture, NULL,
              fixture_set_up, test_search_snippets, fixture_tear_down);
  g_test_add ("/cmio/search/accents", Fixture, NULL,
              fixture_set_up, test_search_accents, fixture_tear_down);
  g_test_add ("/cmio/search/changes", Fixture, NULL,
              fixture_set_up, test_search_changes, fixture_tear_down);
  g_test_add ("/cmio/search/max-results", Fixture, NULL,
              fixture_set_up, test_search_max_results, fixture_tear_down);
  g_test_add_func ("/cmio/search/empty-index", test_search_empty_index);
  g_test_add_func ("/cmio/search/long-note", test_search_long_note);

  return g_test_run ();
}
