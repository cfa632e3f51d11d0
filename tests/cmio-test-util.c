/* cmio-test-util.c — helpers shared by the window tests
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <adwaita.h>

#include "cmio-reader-view.h"
#include "cmio-test-util.h"

/* Runs the main loop until @condition holds or @timeout_ms pass. */
gboolean
cmio_test_wait_for (CmioTestCondition condition,
                    gpointer          data,
                    guint             timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/* Runs the main loop for @ms milliseconds. */
void
cmio_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The first widget of @type in @root's tree, depth first, @root included. */
GtkWidget *
cmio_test_find_descendant (GtkWidget *root,
                           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cmio_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The widget of @type in @root's tree whose name is @name. */
GtkWidget *
cmio_test_find_named (GtkWidget  *root,
                      GType       type,
                      const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (found, i)), name) == 0)
      return g_ptr_array_index (found, i);

  return NULL;
}

/* The sidebar's list of contents: the list box with the "overview" row. */
GtkListBox *
cmio_test_find_sidebar_list (GtkWidget *window)
{
  GtkWidget *row = cmio_test_find_named (window, GTK_TYPE_LIST_BOX_ROW, "overview");

  return row ? GTK_LIST_BOX (gtk_widget_get_parent (row)) : NULL;
}

/* The entry of the shortcuts window @root for @action_name, if any. */
GtkWidget *
cmio_test_find_shortcut (GtkWidget  *root,
                         const char *action_name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, GTK_TYPE_SHORTCUTS_SHORTCUT, found);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *name = NULL;

      g_object_get (g_ptr_array_index (found, i), "action-name", &name, NULL);
      if (g_strcmp0 (name, action_name) == 0)
        return g_ptr_array_index (found, i);
    }

  return NULL;
}

/* The visible toplevel window of @type, if any. */
GtkWindow *
cmio_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* For cmio_test_wait_for(): whether a toplevel of the type in @type shows. */
gboolean
cmio_test_toplevel_shown (gpointer type)
{
  return cmio_test_find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

/* libadwaita 1.6 and later (the Flatpak runtime's) measure the one-line
 * heading of the deprecated AdwMessageDialog for widths it cannot have, and
 * GTK 4.18 warns about that on every message dialog; the dialog itself is
 * drawn right. That one warning, for a label inside a message dialog, is
 * printed but not fatal; every other warning stays fatal. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;
  gpointer label = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      sscanf (message, "Trying to measure GtkLabel %p for width of", &label) == 1 &&
      GTK_IS_LABEL (label) && gtk_widget_get_ancestor (label, ADW_TYPE_MESSAGE_DIALOG) != NULL)
    {
      static gboolean said;

      if (!said)
        g_printerr ("Gtk-WARNING (not fatal here, from libadwaita's AdwMessageDialog; "
                    "the next ones are not shown): %s\n", message);
      said = TRUE;
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* The application the window tests drive: not unique (tests run side by
 * side), registered and held so that it lives between windows. */
CmioApplication *
cmio_test_application_new (void)
{
  static gsize writer_set;
  g_autoptr(GError) error = NULL;
  CmioApplication *app = cmio_application_new ();

  if (g_once_init_enter (&writer_set))
    {
      g_log_set_writer_func (log_writer, NULL, NULL);
      g_once_init_leave (&writer_set, 1);
    }

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);
  g_application_hold (G_APPLICATION (app));
  return app;
}

/* Lets @app, from cmio_test_application_new(), go. */
void
cmio_test_application_free (CmioApplication *app)
{
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
}

/* The main window, opened as a start would open it; when a dialog such as
 * the welcome is the active window, the window it belongs to. */
CmioWindow *
cmio_test_main_window (CmioApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL || !CMIO_IS_WINDOW (window))
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
    }

  if (!CMIO_IS_WINDOW (window))
    window = GTK_WINDOW (gtk_window_get_transient_for (window));

  g_assert_true (CMIO_IS_WINDOW (window));
  return CMIO_WINDOW (window);
}

/* The progress that @app's store holds. */
CmioProgress *
cmio_test_progress (CmioApplication *app)
{
  return cmio_store_get_progress (cmio_application_get_store (app));
}

static GPtrArray *launches;

static void
catch_launch (const char *uri,
              GtkWidget  *parent)
{
  g_ptr_array_add (launches, g_strdup (uri));
}

/* From now on, links open nothing: the URIs they would open are added to
 * the array returned (transfer none), which a test may empty. */
GPtrArray *
cmio_test_catch_launches (void)
{
  if (launches == NULL)
    launches = g_ptr_array_new_with_free_func (g_free);
  cmio_reader_view_set_uri_launcher (catch_launch);
  return launches;
}

typedef struct
{
  gboolean done;
  char *result;
} Evaluation;

static void
evaluated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Evaluation *evaluation = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source),
                                                                          result, &error);

  g_assert_no_error (error);
  evaluation->result = jsc_value_is_undefined (value) ? g_strdup ("") : jsc_value_to_string (value);
  evaluation->done = TRUE;
}

static gboolean
evaluation_done (gpointer data)
{
  return ((Evaluation *) data)->done;
}

/* Runs @script in the test's own world of @view's page and returns its
 * value as a string. */
char *
cmio_test_evaluate (WebKitWebView *view,
                    const char    *script)
{
  Evaluation evaluation = { FALSE, NULL };

  webkit_web_view_evaluate_javascript (view, script, -1, "test", NULL, NULL, evaluated_cb, &evaluation);
  g_assert_true (cmio_test_wait_for (evaluation_done, &evaluation, 10000));
  return evaluation.result;
}

/* Conditions for cmio_test_wait_for(), when a window is made narrow or
 * wide: @leaflet is an AdwLeaflet. */
gboolean
cmio_test_leaflet_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

gboolean
cmio_test_leaflet_unfolded (gpointer leaflet)
{
  return !adw_leaflet_get_folded (leaflet);
}
