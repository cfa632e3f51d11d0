/* cmio-review-private.h — what reading exports and reviews share
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-review.h"

G_BEGIN_DECLS

typedef enum
{
  CMIO_EXCHANGE_EXPORT,
  CMIO_EXCHANGE_REVIEW,
} CmioExchangeKind;

gboolean  cmio_exchange_refuse         (GError           **error,
                                        CmioExchangeError  code,
                                        const char        *format,
                                        ...) G_GNUC_PRINTF (3, 4);
gboolean  cmio_exchange_refuse_invalid (GError           **error,
                                        CmioExchangeKind   kind,
                                        const char        *name,
                                        const char        *problem);
char     *cmio_exchange_excerpt        (const char        *text);
gboolean  cmio_exchange_read_file      (GFile             *file,
                                        char             **contents,
                                        gsize             *length,
                                        char             **name,
                                        GError           **error);
JsonNode *cmio_exchange_parse_root     (const char        *data,
                                        gsize              length,
                                        const char        *name,
                                        GError           **error);
gboolean  cmio_exchange_check_format   (JsonObject        *root,
                                        CmioExchangeKind   kind,
                                        const char        *name,
                                        GError           **error);
char     *cmio_review_problem          (JsonNode          *root);

G_END_DECLS
