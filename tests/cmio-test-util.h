/* cmio-test-util.h — helpers shared by the window tests
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "cmio-application.h"
#include "cmio-window.h"

G_BEGIN_DECLS

typedef gboolean (*CmioTestCondition) (gpointer data);

gboolean   cmio_test_wait_for        (CmioTestCondition  condition,
                                      gpointer           data,
                                      guint              timeout_ms);
void       cmio_test_iterate         (guint              ms);
GtkWidget *cmio_test_find_descendant (GtkWidget         *root,
                                      GType              type);
GtkWidget *cmio_test_find_named      (GtkWidget         *root,
                                      GType              type,
                                      const char        *name);
GtkListBox *cmio_test_find_sidebar_list (GtkWidget      *window);
GtkWidget *cmio_test_find_shortcut   (GtkWidget         *root,
                                      const char        *action_name);

gboolean   cmio_test_leaflet_folded  (gpointer           leaflet);
gboolean   cmio_test_leaflet_unfolded (gpointer          leaflet);

GtkWindow *cmio_test_find_toplevel   (GType              type);
gboolean   cmio_test_toplevel_shown  (gpointer           type);

char      *cmio_test_evaluate        (WebKitWebView     *view,
                                      const char        *script);
CmioApplication *cmio_test_application_new (void);
void       cmio_test_application_free (CmioApplication  *app);
CmioWindow *cmio_test_main_window    (CmioApplication   *app);
CmioProgress *cmio_test_progress     (CmioApplication   *app);
GPtrArray *cmio_test_catch_launches  (void);

G_END_DECLS
