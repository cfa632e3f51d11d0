/* cmio-application.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cmio-application.h"
#include "cmio-export.h"
#include "cmio-export-file.h"
#include "cmio-review.h"
#include "cmio-review-window.h"
#include "cmio-metainfo.h"
#include "cmio-preferences-window.h"
#include "cmio-store.h"
#include "cmio-ui-resources.h"
#include "cmio-welcome-window.h"
#include "cmio-window.h"

struct _CmioApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  CmioContentPack *pack;
  GPtrArray *content_problems;
  char *content_dir;
  CmioStore *store;

  gboolean startup_benchmark;
  gboolean welcomed;
};

G_DEFINE_FINAL_TYPE (CmioApplication, cmio_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "content-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the content pack in DIR instead of the built-in one"), N_("DIR") },
  { "check-content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check the content pack in DIR, print every problem and exit"), N_("DIR") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export your progress to PATH (.cmioexport, .json, .html, .md or .pdf) and exit"), N_("PATH") },
  { "include-notes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export, include all notes, not only those shared with your mentor"), NULL },
  { "startup-benchmark", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
    NULL, NULL },
  { NULL }
};

/* Milliseconds since the process started. The benchmark harness passes the
 * monotonic time at which it spawned us, which also counts exec and dynamic
 * linking; without it, /proc gives the start time to the clock tick. */
static double
elapsed_since_start_ms (void)
{
  const char *t0 = g_getenv ("CMIO_BENCH_T0_US");
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  unsigned long long start_ticks = 0;

  if (t0 != NULL)
    return (g_get_monotonic_time () - g_ascii_strtoll (t0, NULL, 10)) / 1000.0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL)
    return -1;

  /* Field 22, counted after the command name, which may contain spaces. */
  for (int field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;
  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);

  clock_gettime (CLOCK_BOOTTIME, &now);
  return (now.tv_sec * 1000.0 + now.tv_nsec / 1e6) -
         (start_ticks * 1000.0 / sysconf (_SC_CLK_TCK));
}

static void
load_content (CmioApplication *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->content_dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (self->content_dir);

      self->pack = cmio_content_pack_load (dir, &problems);
      if (self->pack == NULL)
        self->content_problems = g_steal_pointer (&problems);
    }

  if (self->pack == NULL)
    {
      g_clear_pointer (&problems, g_ptr_array_unref);
      self->pack = cmio_content_pack_load_builtin (&problems);
    }

  /* The built-in pack is checked by the test suite; if a broken build still
   * ships a bad one, say so loudly rather than show an empty window. */
  if (self->pack == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = cmio_problem_to_string (g_ptr_array_index (problems, i));

          g_critical ("Built-in content: %s", line);
        }
    }
}

static void
load_progress (CmioApplication *self)
{
  g_autoptr(GFile) file = cmio_store_get_default_file ();

  self->store = cmio_store_new (file);
  cmio_store_load (self->store);
  cmio_progress_set_content_pack (cmio_store_get_progress (self->store), self->pack);

  if (cmio_store_get_load_message (self->store) != NULL)
    g_message ("%s", cmio_store_get_load_message (self->store));
}

static int
check_content (const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CmioContentPack) pack = NULL;

  pack = cmio_content_pack_load (dir, &problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = cmio_problem_to_string (g_ptr_array_index (problems, i));

      g_print ("%s\n", line);
    }

  if (pack == NULL)
    {
      g_printerr (ngettext ("%u problem found in %s\n", "%u problems found in %s\n",
                            problems->len),
                  problems->len, path);
      return EXIT_FAILURE;
    }

  g_print (_("%s is a valid content pack (chapters: %u, checklist items: %u, competencies: %u)\n"),
           path,
           g_list_model_get_n_items (cmio_content_pack_get_chapters (pack)),
           g_list_model_get_n_items (cmio_content_pack_get_items (pack)),
           g_list_model_get_n_items (cmio_content_pack_get_competencies (pack)));
  return EXIT_SUCCESS;
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The same writers as the export dialog; a PDF waits for WebKit. */
static gboolean
write_export (JsonNode        *export,
              CmioExportKind   kind,
              GFile           *file,
              GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cmio_export_file_async (export, kind, file, NULL, export_written_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return cmio_export_file_finish (result, error);
}

/* --export: the same content, the same load and recovery as the window,
 * then the export, without a window. */
static int
export_progress (CmioApplication *self,
                 const char      *path,
                 gboolean         all_notes)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(CmioPlan) plan = NULL;
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(GError) error = NULL;
  CmioStoreLoadResult result;
  CmioExportKind kind;

  if (!cmio_export_kind_for_path (path, &kind, &error))
    {
      g_printerr ("cmio-handbook: %s\n", error->message);
      return EXIT_FAILURE;
    }

  load_content (self);
  if (self->content_problems != NULL)
    {
      g_printerr (_("cmio-handbook: the content pack in “%s” has problems:\n"), self->content_dir);
      for (guint i = 0; i < self->content_problems->len; i++)
        {
          g_autofree char *line = cmio_problem_to_string (g_ptr_array_index (self->content_problems, i));

          g_printerr ("%s\n", line);
        }
      return EXIT_FAILURE;
    }
  if (self->pack == NULL)
    return EXIT_FAILURE;

  {
    g_autoptr(GFile) progress_file = cmio_store_get_default_file ();

    self->store = cmio_store_new (progress_file);
  }
  result = cmio_store_load (self->store);
  if (cmio_store_get_load_message (self->store) != NULL)
    g_printerr ("cmio-handbook: %s\n", cmio_store_get_load_message (self->store));

  /* A damaged file and no good backup: there is nothing to export. */
  if (result == CMIO_STORE_LOADED_NOTHING && cmio_store_get_moved_aside (self->store) != NULL)
    return EXIT_FAILURE;

  /* Recovered from the backup: write it back, as the window would. */
  if (result == CMIO_STORE_LOADED_BACKUP && !cmio_store_flush (self->store, &error))
    {
      g_printerr ("cmio-handbook: %s\n", error->message);
      g_clear_error (&error);
    }

  /* A PDF is printed by WebKit, which needs a display. */
  if (kind == CMIO_EXPORT_PDF && !gtk_init_check ())
    {
      g_printerr ("cmio-handbook: %s\n",
                  _("making a PDF needs a display; export to .html instead and print that"));
      return EXIT_FAILURE;
    }

  cmio_progress_set_content_pack (cmio_store_get_progress (self->store), self->pack);
  plan = cmio_plan_new (self->pack, cmio_store_get_progress (self->store));
  {
    CmioExportOptions options = {
      .notes = all_notes ? CMIO_EXPORT_NOTES_ALL : CMIO_EXPORT_NOTES_SHARED,
      .include_assessment = TRUE,
    };

    export = cmio_export_build (self->pack, cmio_store_get_progress (self->store), plan, &options);
  }
  if (!write_export (export, kind, file, &error))
    {
      g_printerr ("cmio-handbook: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* A .cmioexport is remembered, so a review of an older one is told apart. */
  if (kind == CMIO_EXPORT_JSON &&
      (!cmio_export_record (export, cmio_store_get_progress (self->store), &error) ||
       !cmio_store_flush (self->store, &error)))
    g_debug ("The export is not remembered: %s", error->message);

  return EXIT_SUCCESS;
}

static void
apply_style (CmioApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint style = g_settings_get_enum (self->settings, "style-variant");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (style, G_N_ELEMENTS (schemes) - 1)]);
}

static GtkWindow *
get_active_window (CmioApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

/* The handbook's window: the active one, else any, else a new one.  A
 * mentor's review window is not one. */
static CmioWindow *
ensure_window (CmioApplication *self)
{
  GtkWindow *window = get_active_window (self);

  if (CMIO_IS_WINDOW (window))
    return CMIO_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CMIO_IS_WINDOW (l->data))
      return l->data;

  return cmio_window_new (self);
}

/* Startup benchmark: figures for bench/run, then quit. */

static void
print_figure (const char *name,
              double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* GTK has set the user's locale by now; the harness wants a "." */
  g_print ("%s %s\n", name, g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static void
benchmark_chapter_ready_cb (CmioWindow      *window,
                            CmioApplication *self)
{
  print_figure ("chapter_ready_ms", elapsed_since_start_ms ());
  g_application_quit (G_APPLICATION (self));
}

static gboolean
benchmark_open_chapter_cb (gpointer data)
{
  CmioWindow *window = data;

  cmio_window_continue_reading (window);
  return G_SOURCE_REMOVE;
}

static void
benchmark_first_frame_cb (CmioWindow      *window,
                          CmioApplication *self)
{
  print_figure ("first_frame_ms", elapsed_since_start_ms ());
  g_signal_connect_object (window, "chapter-ready",
                           G_CALLBACK (benchmark_chapter_ready_cb), self, 0);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, benchmark_open_chapter_cb,
                   g_object_ref (window), g_object_unref);
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CmioApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window saves as it closes; one that cannot save asks first and
   * stays open, and then the app stays too. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

static void
retry_save_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CmioApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  /* A failure shows in the banner, through the store's save-error. */
  if (!cmio_store_save_now (self->store, &error))
    g_debug ("Saving failed again: %s", error->message);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CmioApplication *self = user_data;
  static const char *developers[] = { "The CMIO Handbook authors", NULL };
  g_autoptr(GBytes) metainfo = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *about;

  about = adw_about_window_new ();
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("CMIO Handbook"));
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), "The CMIO Handbook authors");
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://github.com/cmiohandbook/cmio-handbook");
  adw_about_window_set_issue_url (ADW_ABOUT_WINDOW (about),
                                  "https://github.com/cmiohandbook/cmio-handbook/issues");
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("A handbook and 90-day plan for new Chief Medical Information Officers. "
                                   "Everything stays on this computer unless you export it."));

  /* The release notes are written once, in the metainfo. */
  metainfo = g_resources_lookup_data (RESOURCE_PATH "/" BASE_ID ".metainfo.xml", 0, NULL);
  if (metainfo != NULL)
    notes = cmio_metainfo_dup_release_notes (g_bytes_get_data (metainfo, NULL),
                                             g_bytes_get_size (metainfo), PACKAGE_VERSION, NULL);
  if (notes != NULL)
    {
      adw_about_window_set_release_notes_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
      adw_about_window_set_release_notes (ADW_ABOUT_WINDOW (about), notes);
    }

  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), "© 2026 The CMIO Handbook authors");
  /* Translators: put your names here, one per line. */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), get_active_window (self));
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CmioWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_debug ("Cannot open the help: %s", error->message);
      cmio_window_add_toast (window,
                             _("No help viewer is installed. Install “Help” (yelp) to read the manual."));
    }
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CmioApplication *self = user_data;
  CmioWindow *window = ensure_window (self);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (window)));
  g_app_info_launch_default_for_uri_async ("help:cmio-handbook", G_APP_LAUNCH_CONTEXT (context),
                                           NULL, help_launched_cb, g_object_ref (window));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CmioApplication *self = user_data;
  CmioPreferencesWindow *preferences = cmio_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), get_active_window (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void open_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data);

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
  { "preferences", preferences_action },
  { "retry-save", retry_save_action },
  { "open", open_action },
};

/* GApplication */

static int
cmio_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  CmioApplication *self = CMIO_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("cmio-handbook %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "check-content", "^&ay", &path))
    return check_content (path);

  if (g_variant_dict_lookup (options, "export", "^&ay", &path))
    {
      const char *content = NULL;

      if (g_variant_dict_lookup (options, "content-dir", "^&ay", &content))
        self->content_dir = g_strdup (content);
      return export_progress (self, path, g_variant_dict_contains (options, "include-notes"));
    }

  if (g_variant_dict_lookup (options, "content-dir", "^&ay", &path))
    {
      g_autoptr(GError) error = NULL;

      g_free (self->content_dir);
      self->content_dir = g_strdup (path);

      /* One instance owns the progress file, so a running one cannot be
       * given another pack: say so rather than ignore the option. */
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      if (g_application_get_is_remote (application))
        {
          g_printerr ("%s\n", _("CMIO Handbook is already running; quit it to open another content pack"));
          return EXIT_FAILURE;
        }
    }

  if (g_variant_dict_contains (options, "startup-benchmark"))
    {
      self->startup_benchmark = TRUE;
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
cmio_application_startup (GApplication *application)
{
  CmioApplication *self = CMIO_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.go-back", { "<Alt>Left", NULL } },
    { "win.go-forward", { "<Alt>Right", NULL } },
    { "win.previous-chapter", { "<Control>Page_Up", NULL } },
    { "win.next-chapter", { "<Control>Page_Down", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.find-next", { "<Control>g", NULL } },
    { "win.find-previous", { "<Control><Shift>g", NULL } },
    { "win.search", { "<Control>k", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-reset", { "<Control>0", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.undo", { "<Control>z", NULL } },
  };

  G_APPLICATION_CLASS (cmio_application_parent_class)->startup (application);
  gtk_source_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (apply_style), self, G_CONNECT_SWAPPED);
  apply_style (self);

  load_content (self);
  load_progress (self);
}

static void
cmio_application_activate (GApplication *application)
{
  CmioApplication *self = CMIO_APPLICATION (application);
  CmioWindow *window = ensure_window (self);

  if (self->startup_benchmark)
    g_signal_connect_object (window, "first-frame",
                             G_CALLBACK (benchmark_first_frame_cb), self, 0);

  gtk_window_present (GTK_WINDOW (window));

  /* The very first start asks a few questions; nothing else waits for it. */
  if (!self->startup_benchmark && !self->welcomed && self->store != NULL &&
      cmio_store_get_load_result (self->store) == CMIO_STORE_LOADED_FRESH &&
      cmio_progress_get_profile (cmio_store_get_progress (self->store), "start_date") == NULL)
    {
      self->welcomed = TRUE;
      gtk_window_present (GTK_WINDOW (cmio_welcome_window_new (GTK_WINDOW (window),
                                                               cmio_store_get_progress (self->store))));
    }
}

static void
show_open_error (CmioApplication *self,
                 GFile           *file,
                 const char      *message)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Cannot Open “%s”"), name);
  GtkWidget *dialog = adw_message_dialog_new (get_active_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An export opens for review in a window of its own; a review is offered
 * for import into the user's progress.  What a file is comes from its
 * name, and from its "format" member when the name does not say. */
static void
open_file (CmioApplication *self,
           GFile           *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_has_suffix (lower, ".cmioreview"))
    {
      CmioWindow *window = ensure_window (self);

      gtk_window_present (GTK_WINDOW (window));
      cmio_window_import_review (window, file);
      return;
    }

  export = cmio_export_load (file, &error);
  /* Not an export: a review under another name? */
  if (export == NULL && !g_str_has_suffix (lower, ".cmioexport") &&
      g_error_matches (error, CMIO_EXCHANGE_ERROR, CMIO_EXCHANGE_ERROR_WRONG_FORMAT) &&
      cmio_exchange_file_is_review (file))
    {
      CmioWindow *window = ensure_window (self);

      gtk_window_present (GTK_WINDOW (window));
      cmio_window_import_review (window, file);
      return;
    }

  if (export == NULL)
    {
      show_open_error (self, file, error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (cmio_review_window_new (GTK_APPLICATION (self), self->settings,
                                                          export, file)));
}

static void
cmio_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  CmioApplication *self = CMIO_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    open_file (self, files[i]);
}

static GtkFileChooserNative *open_chooser;

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  CmioApplication *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&open_chooser);

  if (file != NULL)
    open_file (self, file);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CmioApplication *self = user_data;
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) exports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) reviews = gtk_file_filter_new ();

  if (open_chooser != NULL)
    return;

  open_chooser = gtk_file_chooser_native_new (_("Open an Export or a Review"), get_active_window (self),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (open_chooser), TRUE);
  gtk_file_filter_set_name (both, _("Exports and reviews"));
  gtk_file_filter_add_mime_type (both, "application/x-cmio-handbook-export");
  gtk_file_filter_add_mime_type (both, "application/x-cmio-handbook-review");
  gtk_file_filter_add_suffix (both, "cmioexport");
  gtk_file_filter_add_suffix (both, "cmioreview");
  gtk_file_filter_set_name (exports, _("A mentee’s export, to review"));
  gtk_file_filter_add_mime_type (exports, "application/x-cmio-handbook-export");
  gtk_file_filter_add_suffix (exports, "cmioexport");
  gtk_file_filter_set_name (reviews, _("A mentor’s review, to import"));
  gtk_file_filter_add_mime_type (reviews, "application/x-cmio-handbook-review");
  gtk_file_filter_add_suffix (reviews, "cmioreview");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (open_chooser), both);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (open_chooser), exports);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (open_chooser), reviews);
  g_signal_connect_object (open_chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (open_chooser));
}

/**
 * cmio_application_open_file:
 * @self: the application
 * @file: a .cmioexport to review or a .cmioreview to import
 *
 * Does what opening @file from the file manager does.
 */
void
cmio_application_open_file (CmioApplication *self,
                            GFile           *file)
{
  g_return_if_fail (CMIO_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  open_file (self, file);
}

static void
cmio_application_shutdown (GApplication *application)
{
  CmioApplication *self = CMIO_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  /* Windows flush as they close; this catches changes made without one. */
  if (self->store != NULL && !cmio_store_flush (self->store, &error))
    g_warning ("Your progress could not be saved: %s", error->message);

  G_APPLICATION_CLASS (cmio_application_parent_class)->shutdown (application);
}

static void
cmio_application_dispose (GObject *object)
{
  CmioApplication *self = (CmioApplication *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->content_problems, g_ptr_array_unref);
  g_clear_pointer (&self->content_dir, g_free);

  G_OBJECT_CLASS (cmio_application_parent_class)->dispose (object);
}

static void
cmio_application_class_init (CmioApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cmio_application_dispose;

  app_class->handle_local_options = cmio_application_handle_local_options;
  app_class->startup = cmio_application_startup;
  app_class->activate = cmio_application_activate;
  app_class->open = cmio_application_open;
  app_class->shutdown = cmio_application_shutdown;

  /* Once per process: the tests make several applications, and GLib 2.84
   * refuses a static resource registered twice. */
  cmio_ui_register_resource ();
}

static void
cmio_application_init (CmioApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A handbook and 90-day plan for new Chief Medical Information Officers."));
}

/* Public API */

CmioApplication *
cmio_application_new (void)
{
  return g_object_new (CMIO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * cmio_application_get_settings:
 * @self: a #CmioApplication
 *
 * Returns: (transfer none): the app's one settings object
 */
GSettings *
cmio_application_get_settings (CmioApplication *self)
{
  g_return_val_if_fail (CMIO_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * cmio_application_get_content_pack:
 * @self: a #CmioApplication
 *
 * Returns: (transfer none) (nullable): the content pack in use
 */
CmioContentPack *
cmio_application_get_content_pack (CmioApplication *self)
{
  g_return_val_if_fail (CMIO_IS_APPLICATION (self), NULL);
  return self->pack;
}

/**
 * cmio_application_get_content_problems:
 * @self: a #CmioApplication
 *
 * Returns: (transfer none) (nullable) (element-type CmioProblem): why the
 *   pack given with --content-dir was refused, or %NULL
 */
GPtrArray *
cmio_application_get_content_problems (CmioApplication *self)
{
  g_return_val_if_fail (CMIO_IS_APPLICATION (self), NULL);
  return self->content_problems;
}

/**
 * cmio_application_get_store:
 * @self: a #CmioApplication
 *
 * Returns: (transfer none) (nullable): the store of the user's progress
 */
CmioStore *
cmio_application_get_store (CmioApplication *self)
{
  g_return_val_if_fail (CMIO_IS_APPLICATION (self), NULL);
  return self->store;
}

const char *
cmio_application_get_content_dir (CmioApplication *self)
{
  g_return_val_if_fail (CMIO_IS_APPLICATION (self), NULL);
  return self->content_dir;
}
