/* The bjlg module: start-up, INI settings and the phpinfo() section. Classes live in one glue
 * file each and register themselves from here. */
#include "php_bjlg.h"

extern "C" {
#include "ext/standard/info.h"
#include "php_ini.h"
}

#include "common/version.h"
#include "date_time.h"
#include "glue.h"

ZEND_DECLARE_MODULE_GLOBALS(bjlg)

PHP_INI_BEGIN()
  STD_PHP_INI_ENTRY("bjlg.cron_min_interval", "300", PHP_INI_ALL, OnUpdateLongGEZero,
                    cron_min_interval, zend_bjlg_globals, bjlg_globals)
PHP_INI_END()

static PHP_GINIT_FUNCTION(bjlg) {
#if defined(COMPILE_DL_BJLG) && defined(ZTS)
  ZEND_TSRMLS_CACHE_UPDATE();
#endif
  bjlg_globals->cron_min_interval = 300;
  bjlg_globals->zone_cache = nullptr;
}

static PHP_MINIT_FUNCTION(bjlg) {
  REGISTER_INI_ENTRIES();
  bjlg_register_exception();
  bjlg_date_time_minit();
  bjlg_register_cron_expression();
  bjlg_register_crypto_exceptions();
  bjlg_register_crypto_key();
  bjlg_register_crypto_cipher();
  bjlg_register_quota_exception();
  bjlg_register_quota_collector();
  bjlg_register_archive_exceptions();
  bjlg_register_archive_writer();
  bjlg_register_archive_reader();
  bjlg_register_verify_exception();
  bjlg_register_verify_verifier();
  bjlg_register_verify_restore_test();
  bjlg_register_sla_exception();
  bjlg_register_sla_history();
  bjlg_register_sla_forecast();
  bjlg_register_sla_capacity();
  bjlg_register_sla_purge_sla();
  bjlg_register_sla_objectives();
  bjlg_register_sla_report();
  bjlg_register_database_exception();
  bjlg_register_database_dumper();
  bjlg_register_database_importer();
  bjlg_register_watch_exception();
  bjlg_register_watch_journal();
  bjlg_register_watch_watcher();
  bjlg_register_remote_exception();
  bjlg_register_remote_retention();
  bjlg_register_remote_purge();
  bjlg_register_notify_exception();
  bjlg_register_notify_dispatcher();
  bjlg_register_notify_webhook();
  bjlg_register_notify_incident();
  bjlg_register_config_exception();
  bjlg_register_config_policy();
  bjlg_scrub_all_exception_traces();  /* last: every exception class exists */
  return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(bjlg) {
  bjlg_date_time_rshutdown();
  return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(bjlg) {
  UNREGISTER_INI_ENTRIES();
  return SUCCESS;
}

static PHP_MINFO_FUNCTION(bjlg) {
  php_info_print_table_start();
  php_info_print_table_row(2, "bjlg support", "enabled");
  php_info_print_table_row(2, "bjlg version", bjlg::kVersion);
  for (const auto &[library, version] : bjlg::LibraryVersions()) {
    php_info_print_table_row(2, (library + " version").c_str(), version.c_str());
  }
  php_info_print_table_row(2, "Features", "cron, crypto, quota, archive, verify, sla, database, watch, purge, notify, config");
  php_info_print_table_end();
  DISPLAY_INI_ENTRIES();
}

/* ext/date must start before bjlg (its class entries are read at MINIT) and shut down after
 * it (bjlg's per-request zone cache points into ext/date's). */
static const zend_module_dep bjlg_deps[] = {
  ZEND_MOD_REQUIRED("date")
  ZEND_MOD_END
};

zend_module_entry bjlg_module_entry = {
  STANDARD_MODULE_HEADER_EX,
  nullptr,
  bjlg_deps,
  "bjlg",
  nullptr, /* functions: bjlg exposes classes only */
  PHP_MINIT(bjlg),
  PHP_MSHUTDOWN(bjlg),
  nullptr,
  PHP_RSHUTDOWN(bjlg),
  PHP_MINFO(bjlg),
  PHP_BJLG_VERSION,
  PHP_MODULE_GLOBALS(bjlg),
  PHP_GINIT(bjlg),
  nullptr,
  nullptr,
  STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_BJLG
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
extern "C" {
ZEND_GET_MODULE(bjlg)
}
#endif
