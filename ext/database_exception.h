/* Bjlg\Database exceptions, and the connection array every database method takes. */
#ifndef BJLG_DATABASE_EXCEPTION_H
#define BJLG_DATABASE_EXCEPTION_H

#include "database/connection.h"
#include "database/dumper.h"
#include "glue.h"

/* NetworkException, IOException, CancelledException, CorruptDataException; InvalidArgument is
 * a ValueError. */
extern BjlgExceptionKinds bjlg_database_kinds;

/* Reads the connection array (argument `arg`): keys host, port, socket, user, password,
 * database, charset, tls; or dsn (with user, password, tls); or wp_config alone. Throws a
 * TypeError / ValueError naming the key (never showing the password) and returns false when it
 * is wrong. */
bool bjlg_database_connection(HashTable *connection, uint32_t arg, bjlg::database::Connection *out);

/* The SQL file argument `arg` of Dumper::dump and Importer::import: an open stream (*stream set)
 * or a non-empty path without NUL bytes (*stream null). Throws and returns false otherwise. */
bool bjlg_database_stream_or_path(zval *value, uint32_t arg, php_stream **stream);

/* ext/database_dumper.cc: the dump options (tables, prefix, site, and progress when
 * `with_progress`) and the result array, shared by Dumper::dump and Writer::addDatabase. */
bool bjlg_database_dump_options(HashTable *options, uint32_t arg, bool with_progress, bjlg::database::DumpOptions *out,
                                BjlgProgressOption *progress);
void bjlg_database_dump_result(const bjlg::database::DumpResult &r, zval *out);

#endif /* BJLG_DATABASE_EXCEPTION_H */
