/* bjlg: the native engine of Backup JLG. Module-wide declarations of the Zend glue. */
#ifndef PHP_BJLG_H
#define PHP_BJLG_H

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

extern "C" {
#include "php.h"
}

extern zend_module_entry bjlg_module_entry;
#define phpext_bjlg_ptr &bjlg_module_entry

#define PHP_BJLG_VERSION "0.1.0"

ZEND_BEGIN_MODULE_GLOBALS(bjlg)
  zend_long cron_min_interval;
  void *zone_cache; /* ext/date_time.cc: time zones resolved during the request */
ZEND_END_MODULE_GLOBALS(bjlg)

ZEND_EXTERN_MODULE_GLOBALS(bjlg)
#define BJLG_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(bjlg, v)

#if defined(ZTS) && defined(COMPILE_DL_BJLG)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

/* Base of every exception bjlg throws, and the kinds of failure (ext/exception.cc). */
extern zend_class_entry *bjlg_ce_Exception;
extern zend_class_entry *bjlg_ce_IOException;
extern zend_class_entry *bjlg_ce_CorruptDataException;
extern zend_class_entry *bjlg_ce_WrongKeyException;
extern zend_class_entry *bjlg_ce_CancelledException;
extern zend_class_entry *bjlg_ce_UnsupportedException;
extern zend_class_entry *bjlg_ce_NetworkException;
extern zend_class_entry *bjlg_ce_OptionError;
void bjlg_register_exception(void);

/* Bjlg\Cron (ext/cron_expression.cc). */
extern zend_class_entry *bjlg_ce_CronExpression;
extern zend_class_entry *bjlg_ce_CronSyntaxError;
extern zend_class_entry *bjlg_ce_CronNoRunException;
void bjlg_register_cron_expression(void);

/* Bjlg\Crypto (ext/crypto_*.cc). */
extern zend_class_entry *bjlg_ce_Crypto_Key;
extern zend_class_entry *bjlg_ce_Crypto_Cipher;
extern zend_class_entry *bjlg_ce_Crypto_WrongKeyException;
extern zend_class_entry *bjlg_ce_Crypto_CorruptedDataException;
extern zend_class_entry *bjlg_ce_Crypto_TruncatedDataException;
extern zend_class_entry *bjlg_ce_Crypto_UnsupportedFormatException;
extern zend_class_entry *bjlg_ce_Crypto_IOException;
extern zend_class_entry *bjlg_ce_Crypto_CancelledException;
void bjlg_register_crypto_exceptions(void);
void bjlg_register_crypto_key(void);
void bjlg_register_crypto_cipher(void);

/* Bjlg\Quota (ext/quota_*.cc). */
extern zend_class_entry *bjlg_ce_Quota_InvalidDestinationException;
extern zend_class_entry *bjlg_ce_Quota_IOException;
void bjlg_register_quota_exception(void);
void bjlg_register_quota_collector(void);

/* Bjlg\Archive (ext/archive_*.cc). */
void bjlg_register_archive_exceptions(void);
void bjlg_register_archive_writer(void);
void bjlg_register_archive_reader(void);

/* Bjlg\Verify (ext/verify_*.cc). */
extern zend_class_entry *bjlg_ce_Verify_Verifier;
extern zend_class_entry *bjlg_ce_Verify_RestoreTest;
void bjlg_register_verify_exception(void);
void bjlg_register_verify_verifier(void);
void bjlg_register_verify_restore_test(void);

/* Bjlg\Sla (ext/sla_*.cc). */
void bjlg_register_sla_exception(void);
void bjlg_register_sla_history(void);
void bjlg_register_sla_forecast(void);
void bjlg_register_sla_capacity(void);
void bjlg_register_sla_purge_sla(void);
void bjlg_register_sla_objectives(void);
void bjlg_register_sla_report(void);
void bjlg_register_remote_exception(void);
void bjlg_register_remote_retention(void);
void bjlg_register_remote_purge(void);

/* Bjlg\Database (ext/database_*.cc). */
void bjlg_register_database_exception(void);
void bjlg_register_database_dumper(void);
void bjlg_register_database_importer(void);
/* Bjlg\Watch (ext/watch_*.cc) */
void bjlg_register_watch_exception(void);
void bjlg_register_watch_journal(void);
void bjlg_register_watch_watcher(void);
void bjlg_register_notify_exception(void);
void bjlg_register_notify_dispatcher(void);
void bjlg_register_notify_webhook(void);
void bjlg_register_notify_incident(void);
/* Bjlg\Config (ext/config_*.cc). */
void bjlg_register_config_exception(void);
void bjlg_register_config_policy(void);

#endif /* PHP_BJLG_H */
