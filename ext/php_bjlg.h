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
ZEND_END_MODULE_GLOBALS(bjlg)

ZEND_EXTERN_MODULE_GLOBALS(bjlg)
#define BJLG_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(bjlg, v)

#if defined(ZTS) && defined(COMPILE_DL_BJLG)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

/* Base of every exception bjlg throws. */
extern zend_class_entry *bjlg_ce_Exception;

/* Class registration, one per glue file, called from MINIT. */
void bjlg_register_exception(void);
void bjlg_register_archive_exceptions(void);
void bjlg_register_archive_writer(void);
void bjlg_register_archive_reader(void);

#endif /* PHP_BJLG_H */
